using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.SignOut;

/// <summary>
/// Ends the browser's session: the cookies go, and so does every code and token the session handed to clinic apps
/// (RFC 9700 §4.14: refresh tokens are revoked at logout).
/// </summary>
public sealed class SessionTerminator(
    SessionAuthorizations authorizations, SessionRegistry registry, ILogger<SessionTerminator> logger)
{
    public async Task EndAsync(HttpContext httpContext)
    {
        var session = await httpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var subject = session.Principal?.FindFirst(Claims.Subject)?.Value;
        var sessionId = session.Principal?.GetSessionId();
        if (subject is not null && sessionId is not null)
        {
            await registry.EndAsync(sessionId, SessionEndReasons.SignedOut, httpContext.RequestAborted);
            await authorizations.RevokeSessionAsync(subject, sessionId, httpContext.RequestAborted);
            Log.SignedOut(logger, subject);
        }

        await httpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        await httpContext.SignOutAsync(SessionCookies.PendingScheme);
    }
}
