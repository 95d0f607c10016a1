using System.Security.Claims;
using ClinikoIdP.Server.Features.Session;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>Whether the browser's session can answer an authorization request, or the user must sign in (again).</summary>
public enum SessionVerdict
{
    Usable,
    NoSession,
    ReauthenticationRequired,
    DifferentUserHinted,
}

/// <summary>Applies OIDC Core §3.1.2.1 (prompt=login, max_age) and id_token_hint to the current session.</summary>
public static class AuthorizationRequestState
{
    public static SessionVerdict Judge(
        OpenIddictRequest request, ClaimsPrincipal? session, string? hintedSubject, DateTimeOffset now)
    {
        if (session?.Identity?.IsAuthenticated != true)
        {
            return SessionVerdict.NoSession;
        }

        if (hintedSubject is not null && hintedSubject != session.FindFirst(Claims.Subject)?.Value)
        {
            return SessionVerdict.DifferentUserHinted;
        }

        if (request.HasPromptValue(PromptValues.Login))
        {
            return SessionVerdict.ReauthenticationRequired;
        }

        if (request.MaxAge is { } maxAge)
        {
            var authenticatedAt = session.GetAuthenticationTime();
            if (authenticatedAt is null || now - authenticatedAt.Value > TimeSpan.FromSeconds(maxAge))
            {
                return SessionVerdict.ReauthenticationRequired;
            }
        }

        return SessionVerdict.Usable;
    }
}
