using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Pages;

/// <summary>The second step of a sign-in (/two-factor): one field for an authenticator code or a backup code.</summary>
public sealed partial class TwoFactorPage(IPage page)
{
    public ILocator Code => page.GetByLabel("Authenticator code or backup code");

    public static async Task<TwoFactorPage> ExpectAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(Path());
        return new TwoFactorPage(page);
    }

    public async Task SubmitAsync(string code)
    {
        await Code.FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
    }

    [GeneratedRegex("/two-factor\\b")]
    private static partial Regex Path();
}
