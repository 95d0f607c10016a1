using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>
/// "Forgot password?": asks for the email address and answers the same page, status, headers and time whether or not
/// an account uses it (no account enumeration). Without email configured, it says that the administrator resets passwords.
/// </summary>
public sealed class ForgotPasswordModel(
    PasswordResetRequests requests, IOptions<EmailOptions> options, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool EmailIsOn => options.Value.IsConfigured;

    public string SignInUrl => LocalUrl.WithReturnUrl(SignInRoutes.SignIn, ReturnUrl);

    public void OnGet([FromQuery] string? email)
    {
        ReturnUrl = LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        Input.Email = email is { Length: > 0 and <= ForgotPasswordInput.MaxEmailLength } ? email.Trim() : "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var floor = ResponseFloor.StartNow(ResponseFloor.PasswordResetRequest);
        ReturnUrl = LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        if (!EmailIsOn)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await requests.RequestAsync(Input.Email, ReturnUrl, HttpContext.RequestAborted);
        if (!await floor.WaitAsync(HttpContext.RequestAborted))
        {
            Log.PasswordResetSlowerThanFloor(logger, (long)floor.Elapsed.TotalMilliseconds, (long)floor.Floor.TotalMilliseconds);
        }

        return new SeeOtherResult(LocalUrl.WithReturnUrl(PasswordResetRoutes.Sent, ReturnUrl));
    }
}
