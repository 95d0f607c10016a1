using System.Globalization;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Home;

[Authorize]
public sealed class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string AuthenticatedAt { get; private set; } = "";

    public string Methods { get; private set; } = "";

    public void OnGet()
    {
        Email = User.FindFirst(Claims.Email)?.Value ?? "";
        DisplayName = User.Identity?.Name ?? Email;
        AuthenticatedAt = User.GetAuthenticationTime()?.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
        Methods = string.Join(" + ", User.GetAuthenticationMethods().Select(Describe));
    }

    private static string Describe(string method) => method switch
    {
        "pwd" => "password",
        "otp" => "authenticator app",
        "mfa" => "two-step verification",
        _ => method,
    };
}
