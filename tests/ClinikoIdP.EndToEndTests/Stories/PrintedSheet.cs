using System.Text;
using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>What the backup-codes page looks like on paper: one sheet, the codes with a tick box each, no navigation.</summary>
public static partial class PrintedSheet
{
    /// <summary>Switches the page to print media (and leaves it there) and checks the sheet.</summary>
    public static async Task AssertAsync(IPage page, StaffMember member)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator("header")).ToBeHiddenAsync();
        await Expect(page.Locator("nav")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download" })).ToBeHiddenAsync();

        var codes = page.Locator("ol.backup-codes code");
        var ticks = page.Locator("ol.backup-codes .tick");
        await Expect(codes).ToHaveCountAsync(10);
        await Expect(ticks).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++)
        {
            await Expect(codes.Nth(i)).ToBeVisibleAsync();
            await Expect(ticks.Nth(i)).ToBeVisibleAsync();
        }

        var sheet = page.Locator(".print-header");
        await Expect(sheet).ToBeVisibleAsync();
        await Expect(sheet).ToContainTextAsync(IdpServer.ClinicName);
        await Expect(sheet).ToContainTextAsync(member.Email);
        await Expect(sheet).ToContainTextAsync(GeneratedDate());

        foreach (var paper in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new() { Format = paper, PrintBackground = true });
            await File.WriteAllBytesAsync(Screenshots.PathFor($"04-backup-codes-{paper}.pdf"), pdf);
            Assert.True(PageCount(pdf) == 1, $"The backup codes print on {PageCount(pdf)} {paper} pages, not one.");
        }
    }

    /// <summary>Counts page objects in the PDF Chromium writes (uncompressed object headers).</summary>
    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"Generated \d{1,2} [A-Z][a-z]+ \d{4}")]
    private static partial Regex GeneratedDate();
}
