using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Passwordless sign-in, when the clinic allows it: the sign-in page's button runs a discoverable-credential ceremony
/// against these endpoints. A passkey that verified the person is two factors in one, so the session starts at once;
/// the authorize endpoint then decides, as for any session, whether the app wants more.
/// </summary>
public sealed class PasskeySignInModel(
    OrganisationSecurity security, PasskeyVerifier verifier, SessionIssuer sessions, TimeProvider time) : PageModel
{
    public const string NotOffered = "Signing in with a passkey alone isn't turned on at this clinic. Sign in with your email and password.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        new SeeOtherResult(LocalUrl.WithReturnUrl(SignInRoutes.SignIn, LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null));

    public async Task<IActionResult> OnPostRequestOptionsAsync()
    {
        if (!(await security.GetAsync(HttpContext.RequestAborted)).PasswordlessPasskeys)
        {
            return PasskeyJson.Error(NotOffered, StatusCodes.Status404NotFound);
        }

        return PasskeyJson.Options(await verifier.BeginPasswordlessAsync());
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (!(await security.GetAsync(HttpContext.RequestAborted)).PasswordlessPasskeys)
        {
            return PasskeyJson.Error(NotOffered, StatusCodes.Status404NotFound);
        }

        using var body = await PasskeyRequestBody.ReadAsync(Request);
        if (body is null || PasskeyRequestBody.ObjectProperty(body, "credential") is not { } credential)
        {
            return PasskeyJson.Error(PasskeyMessages.Malformed);
        }

        var check = await verifier.VerifyPasswordlessAsync(credential);
        if (!check.Succeeded)
        {
            return PasskeyJson.Error(check.Error!);
        }

        await sessions.StartSessionAsync(check.User!, check.Methods!, time.GetUtcNow());
        return PasskeyJson.Next(LocalUrl.OrHome(ReturnUrl));
    }
}
