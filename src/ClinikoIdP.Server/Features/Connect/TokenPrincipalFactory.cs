using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>The one place that decides which claims a user's tokens carry and where each claim goes.</summary>
public sealed class TokenPrincipalFactory(IOpenIddictScopeManager scopeManager, UserManager<ClinicUser> users)
{
    /// <summary>Builds the principal for a code or tokens from the user and the session they authenticated in.</summary>
    public async Task<ClaimsPrincipal> CreateForUserAsync(
        ClinicUser user, ClaimsPrincipal session, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, await users.GetUserIdAsync(user))
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailConfirmed)
            .SetClaim(Claims.Name, user.DisplayName ?? user.Email)
            .SetClaim(Claims.AuthenticationTime, session.GetAuthenticationTime()?.ToUnixTimeSeconds())
            .SetClaim("sid", session.GetSessionId());

        // OIDC Core §2: amr is a JSON array even with a single value.
        var methods = session.GetAuthenticationMethods();
        SetAuthenticationMethods(identity, methods);
        identity.SetClaim(Claims.AuthenticationContextReference, AuthenticationLevel.AcrFor(methods));

        identity.SetScopes(scopes);
        identity.SetResources(await ListResourcesAsync(scopes, cancellationToken));
        identity.SetDestinations(GetDestinations);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Rebuilds the principal at the token endpoint from the one stored in the code or refresh token: the session
    /// facts (amr, auth_time, sid, scopes, resources) stay; name and email are read afresh from the account.
    /// </summary>
    public ClaimsPrincipal Refresh(ClaimsPrincipal stored, ClinicUser user)
    {
        var identity = new ClaimsIdentity(stored.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailConfirmed)
            .SetClaim(Claims.Name, user.DisplayName ?? user.Email);

        // A stored token gives back a JSON array claim as one claim per element: make it one array again.
        SetAuthenticationMethods(identity, ReadAuthenticationMethods(identity));
        identity.SetDestinations(GetDestinations);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Builds the principal of a machine-to-machine client (client credentials grant): the client is the subject.</summary>
    public async Task<ClaimsPrincipal> CreateForClientAsync(
        string clientId, string? displayName, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName ?? clientId);
        identity.SetScopes(scopes);
        identity.SetResources(await ListResourcesAsync(scopes, cancellationToken));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// OIDC Core §2: amr is a JSON array even with a single value. OpenIddict's SetClaim refuses array values and
    /// several string claims of one type become an array only when there are two or more, so the claim carries the
    /// whole array with the JSON_ARRAY value type, which the token writer emits as a real array.
    /// </summary>
    private static void SetAuthenticationMethods(ClaimsIdentity identity, IReadOnlyList<string> methods)
    {
        foreach (var existing in identity.FindAll(Claims.AuthenticationMethodReference).ToList())
        {
            identity.RemoveClaim(existing);
        }

        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, JsonSerializer.Serialize(methods),
            JsonClaimValueTypes.JsonArray));
    }

    private static List<string> ReadAuthenticationMethods(ClaimsIdentity identity) =>
        [.. identity.FindAll(Claims.AuthenticationMethodReference).SelectMany(claim =>
            claim.ValueType == JsonClaimValueTypes.JsonArray
                ? JsonSerializer.Deserialize<string[]>(claim.Value) ?? []
                : [claim.Value]).Distinct(StringComparer.Ordinal)];

    private async Task<List<string>> ListResourcesAsync(ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var resources = new List<string>();
        await foreach (var resource in scopeManager.ListResourcesAsync(scopes, cancellationToken))
        {
            resources.Add(resource);
        }

        return resources;
    }

    private static IEnumerable<string> GetDestinations(Claim claim)
    {
        var principal = claim.Subject!;
        switch (claim.Type)
        {
            case Claims.Subject:
            case Claims.AuthenticationTime:
            case Claims.AuthenticationMethodReference:
            case Claims.AuthenticationContextReference:
            case "sid":
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.Name when principal.HasScope(Scopes.Profile):
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.Email or Claims.EmailVerified when principal.HasScope(Scopes.Email):
                return [Destinations.AccessToken, Destinations.IdentityToken];
            default:
                // Never copy the security stamp or anything else into a token by accident.
                return [];
        }
    }
}
