using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using ClinikoIdP.Server.Features.SingleLogout;
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
    BackChannelLogoutOutbox logoutOutbox,
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
    public Task RevokeSessionAsync(string subject, string sessionId, CancellationToken cancellationToken) =>
        RevokeMatchingAsync(subject, sid => sid == sessionId, cancellationToken);

    /// <summary>Revokes every sign-in a user made to any app (password change, lock, second-factor reset, sign out everywhere).</summary>
    public Task RevokeAllForSubjectAsync(string subject, CancellationToken cancellationToken) =>
        RevokeMatchingAsync(subject, _ => true, cancellationToken);

    /// <summary>
    /// Revokes the matching sign-ins (ad-hoc authorizations: consent records stay) with their codes and tokens, then
    /// queues a back-channel logout for each app that shared them, so the apps end their own sessions too.
    /// </summary>
    private async Task RevokeMatchingAsync(string subject, Func<string?, bool> sessionMatches, CancellationToken cancellationToken)
    {
        var ended = new List<(object Authorization, string? SessionId)>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            if (!await authorizations.HasTypeAsync(authorization, AuthorizationTypes.AdHoc, cancellationToken)
                || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken))
            {
                continue;
            }

            var properties = await authorizations.GetPropertiesAsync(authorization, cancellationToken);
            var sessionId = properties.TryGetValue(SessionIdProperty, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            if (sessionMatches(sessionId))
            {
                ended.Add((authorization, sessionId));
            }
        }

        var notifications = new List<(string ApplicationId, string? SessionId)>();
        foreach (var (authorization, sessionId) in ended)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
            if (await authorizations.GetIdAsync(authorization, cancellationToken) is { } id)
            {
                await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
            }

            if (await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is { } applicationId)
            {
                notifications.Add((applicationId, sessionId));
            }
        }

        await logoutOutbox.EnqueueAsync(subject, notifications.Distinct(), cancellationToken);
    }
}
