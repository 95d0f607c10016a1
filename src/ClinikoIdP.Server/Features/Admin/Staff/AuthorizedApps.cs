using System.Text.Json;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SingleLogout;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>A staff member's live authorizations, one entry per app, and revoking all of them for one app.</summary>
public sealed class AuthorizedApps(
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    BackChannelLogoutOutbox logoutOutbox)
{
    public async Task<IReadOnlyList<AuthorizedApp>> ListAsync(string subject, CancellationToken cancellationToken)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            if (!await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken)
                || await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId)
            {
                continue;
            }

            var tally = tallies.TryGetValue(applicationId, out var found) ? found : tallies[applicationId] = new Tally();
            var created = await authorizations.GetCreationDateAsync(authorization, cancellationToken);
            if (await authorizations.HasTypeAsync(authorization, AuthorizationTypes.Permanent, cancellationToken))
            {
                tally.ConsentedAt = Latest(tally.ConsentedAt, created);
                tally.Scopes.UnionWith(await authorizations.GetScopesAsync(authorization, cancellationToken));
            }
            else
            {
                tally.SignIns++;
                tally.LastSignInAt = Latest(tally.LastSignInAt, created);
            }
        }

        var apps = new List<AuthorizedApp>();
        foreach (var (applicationId, tally) in tallies)
        {
            var application = await applications.FindByIdAsync(applicationId, cancellationToken);
            var clientId = application is null ? null : await applications.GetClientIdAsync(application, cancellationToken);
            var name = application is null ? null : await applications.GetDisplayNameAsync(application, cancellationToken);
            apps.Add(new AuthorizedApp(applicationId, name ?? clientId ?? "Removed app", clientId, tally.ConsentedAt,
                [.. tally.Scopes.Order(StringComparer.Ordinal)], tally.SignIns, tally.LastSignInAt));
        }

        return [.. apps.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<AuthorizedApp?> FindAsync(string subject, string applicationId, CancellationToken cancellationToken) =>
        (await ListAsync(subject, cancellationToken)).FirstOrDefault(a => a.ApplicationId == applicationId);

    /// <summary>
    /// Revokes the user's consent and sign-ins for one app with every code and token they carry; the app is told
    /// through back-channel logout for each sign-in (OIDC Back-Channel Logout 1.0 §2.5), so its own session ends too.
    /// </summary>
    public async Task RevokeAsync(string subject, string applicationId, CancellationToken cancellationToken)
    {
        var ended = new List<(string ApplicationId, string? SessionId)>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            if (await authorizations.GetApplicationIdAsync(authorization, cancellationToken) != applicationId
                || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken))
            {
                continue;
            }

            var signIn = await authorizations.HasTypeAsync(authorization, AuthorizationTypes.AdHoc, cancellationToken);
            var properties = await authorizations.GetPropertiesAsync(authorization, cancellationToken);
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
            if (await authorizations.GetIdAsync(authorization, cancellationToken) is { } id)
            {
                await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
            }

            if (signIn)
            {
                ended.Add((applicationId, properties.TryGetValue(SessionClaims.SessionId, out var sid)
                    && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null));
            }
        }

        // Tokens issued outside an authorization, if any, go too.
        await tokens.RevokeAsync(subject, applicationId, status: null, type: null, cancellationToken);
        await logoutOutbox.EnqueueAsync(subject, ended.Distinct(), cancellationToken);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? current, DateTimeOffset? candidate) =>
        current is null || candidate > current ? candidate ?? current : current;

    private sealed class Tally
    {
        public DateTimeOffset? ConsentedAt { get; set; }

        public HashSet<string> Scopes { get; } = new(StringComparer.Ordinal);

        public int SignIns { get; set; }

        public DateTimeOffset? LastSignInAt { get; set; }
    }
}
