using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Appointments.Pages;

/// <summary>
/// Ends the local cookie, then OpenID Connect RP-Initiated Logout: the handler sends the browser to the IdP's
/// end-session endpoint with id_token_hint and post_logout_redirect_uri (/signout-callback-oidc).
/// </summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = AppRoutes.SignedOut },
            CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
}
