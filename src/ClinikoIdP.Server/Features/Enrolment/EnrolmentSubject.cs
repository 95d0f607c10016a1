using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Enrolment;

/// <summary>Who may set up an authenticator right now, and whether they are mid-sign-in.</summary>
public sealed record EnrolmentSubjectState(ClinicUser User, PendingSignInState? Pending);

/// <summary>
/// Guards the enrolment and backup-code pages. A partly-signed-in user (password only) may enrol only when they
/// have no authenticator yet: otherwise a stolen password would be enough to replace the second factor.
/// A signed-in user may (re)enrol only with a recent second factor.
/// </summary>
public sealed class EnrolmentSubject(
    PendingSignIn pending,
    UserManager<ClinicUser> users,
    IHttpContextAccessor httpContextAccessor,
    IOptions<TwoFactorOptions> options,
    TimeProvider time)
{
    public async Task<EnrolmentSubjectState?> FindAsync(bool allowExistingAuthenticatorWhenPending = false)
    {
        var state = await pending.GetAsync();
        if (state is not null)
        {
            var passedSecondFactor = state.Methods.Contains(Authentication.Policy.Amr.MultipleFactor);
            return !state.User.HasAuthenticator || (allowExistingAuthenticatorWhenPending && passedSecondFactor)
                ? new EnrolmentSubjectState(state.User, state)
                : null;
        }

        var principal = httpContextAccessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true || await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        var recent = principal.GetAuthenticationMethods().Contains(Authentication.Policy.Amr.MultipleFactor)
            && principal.GetAuthenticationTime() is { } at
            && time.GetUtcNow() - at <= options.Value.RecentVerificationWindow;
        return recent || !user.HasAuthenticator ? new EnrolmentSubjectState(user, null) : null;
    }
}
