using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Admin;

/// <summary>
/// Runs before every console page: re-reads the Admin role from the database (a revoked administrator loses the
/// console at once, not at the next session refresh) and asks for the second factor again when the last one is older
/// than the console's window. An administrator without an authenticator is sent to set one up.
/// </summary>
public sealed class AdminStepUpFilter(
    UserManager<ClinicUser> users,
    PendingSignIn pending,
    IOptions<AdminConsoleOptions> options,
    TimeProvider time) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var principal = context.HttpContext.User;
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            context.Result = new ChallengeResult();
            return;
        }

        if (!await users.IsInRoleAsync(user, IdentityHosting.AdminRole) || await users.IsLockedOutAsync(user))
        {
            context.Result = new ForbidResult();
            return;
        }

        if (!PassedSecondFactorRecently(principal))
        {
            var returnUrl = LocalUrl.ReopenAfterStep(context.HttpContext.Request);
            await pending.BeginAsync(user, principal.GetAuthenticationMethods(), time.GetUtcNow(), principal.GetSessionId());
            context.Result = new SeeOtherResult(LocalUrl.WithReturnUrl(SignInJourney.SecondFactorPath, returnUrl));
            return;
        }

        await next();
    }

    private bool PassedSecondFactorRecently(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.GetAuthenticationMethods().Contains(Amr.MultipleFactor)
        && principal.GetAuthenticationTime() is { } at
        && time.GetUtcNow() - at <= options.Value.RecentSecondFactorWindow;
}
