using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>
/// While everyone must use two-step verification, a signed-in user without a second factor (a session from before the
/// switch was turned on) is sent to set one up at their next page, and comes back to that page afterwards. The
/// sign-in journey's own pages, sign-out and the error page stay open; the authorization endpoint steps such a
/// session up itself (<see cref="SignInJourney"/>), so it can answer <c>prompt=none</c> requests in the protocol.
/// </summary>
public sealed class RequireTwoFactorFilter(
    OrganisationSecurity security,
    UserManager<ClinicUser> users,
    SignInManager<ClinicUser> signInManager,
    PendingSignIn pending,
    Passkeys.PasskeyCredentials passkeys,
    TimeProvider time) : IAsyncPageFilter
{
    private static readonly string[] OpenPaths =
    [
        SignInJourney.EnrolPath, SignInJourney.SecondFactorPath, BackupCodeRoutes.Show, BackupCodeRoutes.Remaining,
        SignInRoutes.SignIn, SignInRoutes.SignOut, SignInRoutes.SignedOut, SignInRoutes.Error,
        "/" + ConnectRoutes.Authorize, "/" + ConnectRoutes.EndSession,
    ];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated == true
            && !IsOpen(http.Request.Path)
            && await security.RequiresTwoFactorAsync(http.RequestAborted)
            && await users.GetUserAsync(principal) is { HasAuthenticator: false } user
            && !await passkeys.HasAnyAsync(user))
        {
            var returnUrl = LocalUrl.ReopenAfterStep(http.Request);

            // The cookie's security stamp is checked only once a minute: a session from before a password change or a
            // reset of the second factor must not be turned into an enrolment, which would skip the password.
            var stamp = principal.FindFirst(signInManager.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
            if (!await signInManager.ValidateSecurityStampAsync(user, stamp))
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Result = new SeeOtherResult(LocalUrl.WithReturnUrl(SignInRoutes.SignIn, returnUrl));
                return;
            }

            await pending.BeginAsync(user, principal.GetAuthenticationMethods(), time.GetUtcNow(), principal.GetSessionId());
            context.Result = new SeeOtherResult(LocalUrl.WithReturnUrl(SignInJourney.EnrolPath, returnUrl));
            return;
        }

        await next();
    }

    private static bool IsOpen(PathString path) =>
        ConnectRoutes.IsMachineEndpoint(path)
        || OpenPaths.Any(open => path.Equals(open, StringComparison.OrdinalIgnoreCase));
}
