using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// Full-page screenshots of each page at desktop and phone widths, kept beside the test binaries
/// (bin/…/screenshots) for people to look at: they are evidence of how the pages look, not assertions.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Where to keep a file of evidence (a PDF, say) beside the screenshots.</summary>
    public static string PathFor(string fileName)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, fileName);
    }

    /// <summary>Saves NAME-desktop.png and NAME-mobile.png, then puts the viewport back as it was.</summary>
    public static Task CaptureAsync(IPage page, string name) =>
        CaptureAsync(page, name, ("desktop", BrowserFixture.Desktop), ("mobile", BrowserFixture.Mobile));

    /// <summary>Saves NAME-desktop.png and NAME-tablet.png: the admin console's working sizes.</summary>
    public static Task CaptureConsoleAsync(IPage page, string name) =>
        CaptureAsync(page, name, ("desktop", BrowserFixture.Desktop), ("tablet", BrowserFixture.Tablet));

    private static async Task CaptureAsync(IPage page, string name, params (string Suffix, ViewportSize Size)[] sizes)
    {
        var original = page.ViewportSize;
        foreach (var (suffix, size) in sizes)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new() { Path = PathFor($"{name}-{suffix}.png"), FullPage = true });
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }
}
