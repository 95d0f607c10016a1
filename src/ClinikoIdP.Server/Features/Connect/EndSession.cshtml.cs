using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.SignOut;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Server.AspNetCore;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). OpenIddict has already checked the id_token_hint's
/// signature and that any post_logout_redirect_uri is registered exactly. The browser is sent back to the clinic app
/// only when the request also proves which app asked (a valid id_token_hint); otherwise it sees the signed-out page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class EndSessionModel(SessionTerminator terminator) : PageModel
{
    public Task<IActionResult> OnGetAsync() => HandleAsync();

    public Task<IActionResult> OnPostAsync() => HandleAsync();

    private async Task<IActionResult> HandleAsync()
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        // OpenIddict treats id_token_hint as optional: an unsigned, altered or foreign-signed hint is ignored rather
        // than refused (the result then holds an empty, unauthenticated principal), so only a hint that validated
        // proves which app asked.
        var hint = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        await terminator.EndAsync(HttpContext);

        if (hint.Principal?.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(request.PostLogoutRedirectUri))
        {
            return RedirectToPage("/SignOut/SignedOut");
        }

        return SignOut(new AuthenticationProperties { RedirectUri = SignInRoutes.SignedOut },
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
