using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// Each sign-in of a clinic app gets its own ad-hoc authorization tagged with the browser session's <c>sid</c>:
/// a reused code or refresh token then revokes only that chain, and signing out revokes exactly what the
/// session handed out. Consent to a third-party app is kept apart as a permanent authorization.
/// </summary>
public sealed class SessionAuthorizations(
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider time)
{
    private const string SessionIdProperty = "sid";

    public async Task<string?> CreateForSessionAsync(
        ClaimsPrincipal principal, string subject, string applicationId, string? sessionId,
        ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = applicationId,
            CreationDate = time.GetUtcNow(),
            Principal = principal,
            Status = Statuses.Valid,
            Subject = subject,
            Type = AuthorizationTypes.AdHoc,
        };
        descriptor.Scopes.UnionWith(scopes);
        if (sessionId is not null)
        {
            descriptor.Properties[SessionIdProperty] = JsonSerializer.SerializeToElement(sessionId);
        }

        var authorization = await authorizations.CreateAsync(descriptor, cancellationToken);
        return await authorizations.GetIdAsync(authorization, cancellationToken);
    }

    public async Task<bool> HasConsentAsync(
        string subject, string applicationId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        await foreach (var _ in authorizations.FindAsync(subject, applicationId, Statuses.Valid,
            AuthorizationTypes.Permanent, scopes, cancellationToken))
        {
            return true;
        }

        return false;
    }

    public async Task RecordConsentAsync(
        ClaimsPrincipal principal, string subject, string applicationId, ImmutableArray<string> scopes,
        CancellationToken cancellationToken) =>
        await authorizations.CreateAsync(principal, subject, applicationId, AuthorizationTypes.Permanent, scopes, cancellationToken);

    /// <summary>Revokes every authorization (and so every code and token) handed out during one browser session.</summary>
    public async Task<IReadOnlyList<string>> RevokeSessionAsync(string subject, string sessionId, CancellationToken cancellationToken)
    {
        var applicationIds = new List<string>();
        var matches = new List<object>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            var properties = await authorizations.GetPropertiesAsync(authorization, cancellationToken);
            if (properties.TryGetValue(SessionIdProperty, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() == sessionId)
            {
                matches.Add(authorization);
            }
        }

        foreach (var authorization in matches)
        {
            await RevokeAsync(authorization, cancellationToken);
            if (await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is { } applicationId)
            {
                applicationIds.Add(applicationId);
            }
        }

        return [.. applicationIds.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Revokes every authorization and token of a user (password change, lock, second-factor reset).</summary>
    public async Task RevokeAllForSubjectAsync(string subject, CancellationToken cancellationToken)
    {
        var all = new List<object>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            all.Add(authorization);
        }

        foreach (var authorization in all)
        {
            await RevokeAsync(authorization, cancellationToken);
        }
    }

    private async Task RevokeAsync(object authorization, CancellationToken cancellationToken)
    {
        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        if (await authorizations.GetIdAsync(authorization, cancellationToken) is { } id)
        {
            await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
        }
    }
}
