using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>
/// What every "Forgot password?" request ends on, word for word the same whether or not an account uses the address
/// (the address itself is not shown: carrying it here would be the one difference).
/// </summary>
public sealed class SentModel(IOptions<EmailOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string LinkLifetime => PasswordResetEmail.Describe(options.Value.PasswordResetLinkLifetime);

    public string SignInUrl => LocalUrl.WithReturnUrl(SignInRoutes.SignIn, LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null);
}
