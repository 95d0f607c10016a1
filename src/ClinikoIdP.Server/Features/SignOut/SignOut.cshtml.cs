using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.SignOut;

/// <summary>Sign-out started on ClinikoIdP itself: asks first, so another site cannot sign the user out with a link.</summary>
public sealed class SignOutModel(SessionTerminator terminator) : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : new SeeOtherResult(SignInRoutes.SignedOut);

    public async Task<IActionResult> OnPostAsync()
    {
        await terminator.EndAsync(HttpContext);
        return new SeeOtherResult(SignInRoutes.SignedOut);
    }
}
