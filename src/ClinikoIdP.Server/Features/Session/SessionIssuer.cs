using System.Security.Claims;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Session;

/// <summary>
/// Issues the session cookie once every required step of a sign-in has passed. Each call starts a new session
/// with a new <c>sid</c>, so a session identifier never outlives a change of authentication level; every session
/// is recorded in the <see cref="SessionRegistry"/>, without which its cookie is refused.
/// </summary>
public sealed class SessionIssuer(
    SignInManager<ClinicUser> signInManager,
    SessionRegistry registry,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider time,
    IdpMetrics metrics,
    ILogger<SessionIssuer> logger)
{
    /// <param name="sessionId">
    /// The <c>sid</c> to keep when an existing session steps up; null (or a session that has since ended) starts a new one.
    /// </param>
    public async Task<ClaimsPrincipal> StartSessionAsync(
        ClinicUser user, IEnumerable<string> methods, DateTimeOffset authenticatedAt, string? sessionId = null)
    {
        var httpContext = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("A session can only be started during a request.");

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        var distinctMethods = methods.Distinct(StringComparer.Ordinal).ToList();
        foreach (var method in distinctMethods)
        {
            identity.AddClaim(new Claim(SessionClaims.AuthenticationMethod, method));
        }

        sessionId = await registry.RecordAsync(user, sessionId, distinctMethods, httpContext.RequestAborted);
        identity.AddClaim(new Claim(SessionClaims.AuthenticationTime,
            SessionPrincipal.ToUnixTimeString(authenticatedAt), ClaimValueTypes.Integer64));
        identity.AddClaim(new Claim(SessionClaims.SessionStarted,
            SessionPrincipal.ToUnixTimeString(time.GetUtcNow()), ClaimValueTypes.Integer64));
        identity.AddClaim(new Claim(SessionClaims.SessionId, sessionId));

        await httpContext.SignOutAsync(SessionCookies.PendingScheme);
        await httpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties
        {
            IsPersistent = false,
            IssuedUtc = time.GetUtcNow(),
        });
        Log.SessionStarted(logger, sessionId, user.Id);
        metrics.SignIn(SignInOutcomes.Succeeded);
        return principal;
    }
}
