using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.Server.Features.OrganisationSettings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Session;

/// <summary>
/// Ends a session after the organisation's idle timeout or absolute lifetime (read at every request, so a change
/// reaches existing sessions at once), renewing the cookie about once a minute to record activity; then lets
/// Identity's security-stamp check end sessions of users whose password, lock or factors changed.
/// </summary>
internal static class SessionLifetime
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var timeouts = (await services.GetRequiredService<OrganisationSecurity>().GetAsync(context.HttpContext.RequestAborted)).SessionTimeouts;
        var started = context.Principal?.GetSessionStarted();
        var activity = started is null ? SessionActivity.Expired : timeouts.Judge(started.Value, context.Properties.IssuedUtc, now);
        if (activity is SessionActivity.Expired or SessionActivity.Idle)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!await services.GetRequiredService<SessionRegistry>().ConfirmAsync(context))
        {
            return;
        }

        context.ShouldRenew |= activity == SessionActivity.Renew;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
