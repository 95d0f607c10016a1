using System.Security.Claims;
using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Session;

/// <summary>A sign-in that has passed some steps (the password, perhaps a factor) but not all: no session, no code.</summary>
public sealed record PendingSignInState(ClinicUser User, IReadOnlyList<string> Methods, DateTimeOffset StartedAt, string? SessionId)
{
    /// <summary>
    /// The used password-reset link whose new password waits for this sign-in's second factor, or null. The new
    /// password applies only when the second factor passes (<see cref="SignIn.SignInJourney.CompleteAsync"/>).
    /// </summary>
    public long? PasswordResetLinkId { get; init; }
}

/// <summary>
/// Keeps the partly-signed-in state in a short-lived encrypted cookie of its own, bound to the user's security
/// stamp so a password change or a reset of the second factor voids it. A step-up of a session that has since ended
/// (revoked from the console, signed out elsewhere) is void too: finishing it would revive what was ended.
/// </summary>
public sealed class PendingSignIn(
    IHttpContextAccessor httpContextAccessor, UserManager<ClinicUser> users, SessionRegistry registry, TimeProvider time)
{
    private const string SecurityStampClaim = "clinikoidp_stamp";
    private const string StartedClaim = "clinikoidp_started";
    private const string PasswordResetLinkClaim = "clinikoidp_password_reset";

    private HttpContext Http => httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("A pending sign-in exists only during a request.");

    public async Task BeginAsync(
        ClinicUser user, IEnumerable<string> methods, DateTimeOffset startedAt, string? sessionId = null, long? passwordResetLinkId = null)
    {
        var identity = new ClaimsIdentity(SessionCookies.PendingScheme, Claims.Subject, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id));
        identity.AddClaim(new Claim(SecurityStampClaim, await users.GetSecurityStampAsync(user)));
        identity.AddClaim(new Claim(StartedClaim, SessionPrincipal.ToUnixTimeString(startedAt), ClaimValueTypes.Integer64));
        foreach (var method in methods.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(SessionClaims.AuthenticationMethod, method));
        }

        if (sessionId is not null)
        {
            identity.AddClaim(new Claim(SessionClaims.SessionId, sessionId));
        }

        if (passwordResetLinkId is { } linkId)
        {
            identity.AddClaim(new Claim(PasswordResetLinkClaim,
                linkId.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        await Http.SignInAsync(SessionCookies.PendingScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = time.GetUtcNow() });
    }

    /// <summary>Returns the pending sign-in, or null when there is none or it expired or no longer matches the account.</summary>
    public async Task<PendingSignInState?> GetAsync()
    {
        var result = await Http.AuthenticateAsync(SessionCookies.PendingScheme);
        var principal = result.Principal;
        if (!result.Succeeded || principal is null)
        {
            return null;
        }

        var user = await users.FindByIdAsync(principal.FindFirst(Claims.Subject)?.Value ?? "");
        var sessionId = principal.GetSessionId();
        if (user is null || principal.FindFirst(SecurityStampClaim)?.Value != await users.GetSecurityStampAsync(user)
            || (sessionId is not null && !await registry.IsLiveAsync(sessionId, user.Id, Http.RequestAborted)))
        {
            await Http.SignOutAsync(SessionCookies.PendingScheme);
            return null;
        }

        var started = long.TryParse(principal.FindFirst(StartedClaim)?.Value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : time.GetUtcNow();
        var resetLink = long.TryParse(principal.FindFirst(PasswordResetLinkClaim)?.Value, out var linkId) ? linkId : (long?)null;
        return new PendingSignInState(user, principal.GetAuthenticationMethods(), started, sessionId) { PasswordResetLinkId = resetLink };
    }

    public Task EndAsync() => Http.SignOutAsync(SessionCookies.PendingScheme);
}
