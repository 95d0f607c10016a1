using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Pages;

/// <summary>The person's passkeys (/my-security/passkeys): the list and "Add a passkey".</summary>
public sealed partial class PasskeysPage(IPage page)
{
    public const string Route = "/my-security/passkeys";

    public ILocator Rows => page.Locator("tbody tr");

    public static async Task<PasskeysPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Route);
        await Expect(page).ToHaveURLAsync(Path());
        return new PasskeysPage(page);
    }

    public async Task AddAsync(string name)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("added");
    }

    [GeneratedRegex("/my-security/passkeys\\b")]
    private static partial Regex Path();
}
