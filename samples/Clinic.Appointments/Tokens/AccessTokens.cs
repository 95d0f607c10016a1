using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clinic.Appointments.Tokens;

/// <summary>Gives pages the signed-in user's access token, refreshed when needed and saved back into the cookie.</summary>
public sealed class AccessTokens(TokenRefresher refresher)
{
    public const string IdpClient = "ClinikoIdP";

    /// <summary>Returns null when the user has to sign in again.</summary>
    public async Task<string?> GetAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var outcome = await refresher.RefreshIfExpiringAsync(result.Properties, context.RequestAborted);
        if (outcome == TokenRefreshOutcome.Failed)
        {
            return null;
        }

        if (outcome == TokenRefreshOutcome.Refreshed)
        {
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal, result.Properties);
        }

        return result.Properties.GetTokenValue("access_token");
    }
}
