using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Pages;

/// <summary>The page that shows a new set of backup codes once (/backup-codes).</summary>
public sealed partial class BackupCodesPage(IPage page)
{
    public ILocator Codes => page.Locator("ol.backup-codes code");

    public static async Task<BackupCodesPage> ExpectAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(Path());
        return new BackupCodesPage(page);
    }

    public async Task<IReadOnlyList<string>> ReadCodesAsync() => [.. await Codes.AllInnerTextsAsync()];

    /// <summary>Clicks the download link and returns the text file the browser saved.</summary>
    public async Task<(string FileName, string Text)> DownloadAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }

    public async Task ConfirmSavedAsync()
    {
        await page.GetByLabel("I have saved these codes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    [GeneratedRegex("/backup-codes(\\?|$)")]
    private static partial Regex Path();
}
