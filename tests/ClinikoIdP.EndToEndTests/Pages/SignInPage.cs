using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Pages;

/// <summary>The password page (/signin), found by its labels as a person or a screen reader would.</summary>
public sealed partial class SignInPage(IPage page)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    /// <summary>Opens a clinic app's sign-in link and expects to be asked for the password.</summary>
    public static async Task<SignInPage> OpenAsync(IPage page, SignInRequest request)
    {
        await page.GotoAsync(request.Url);
        await Expect(page).ToHaveURLAsync(Path());
        return new SignInPage(page);
    }

    public async Task SubmitAsync(StaffMember member)
    {
        await Email.FillAsync(member.Email);
        await Password.FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    [GeneratedRegex("/signin\\b")]
    private static partial Regex Path();
}
