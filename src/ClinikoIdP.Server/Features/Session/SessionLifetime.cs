using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Session;

/// <summary>
/// Ends a session at its absolute lifetime whatever the activity (the cookie's sliding expiry handles idleness),
/// then lets Identity's security-stamp check end sessions of users whose password, lock or factors changed.
/// </summary>
internal static class SessionLifetime
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<IdpOptions>>().Value.SessionAbsoluteLifetime;
        var started = context.Principal?.GetSessionStarted();
        if (started is null || now - started.Value > lifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!await services.GetRequiredService<SessionRegistry>().ConfirmAsync(context))
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
