using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Client.AspNetCore;

namespace Clinic.Billing.Pages;

/// <summary>
/// Ends the local cookie, then OpenID Connect RP-Initiated Logout through OpenIddict.Client: the browser goes to the
/// IdP's end-session endpoint with id_token_hint and returns to the post-logout redirection endpoint.
/// </summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return Redirect(AppRoutes.SignedOut);
        }

        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.IdentityTokenHint] =
                result.Properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken),
        })
        {
            RedirectUri = AppRoutes.SignedOut,
        };
        return SignOut(properties, OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
    }
}
