using System.Text.RegularExpressions;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Pages;

/// <summary>The authenticator set-up page (/enrol): a QR code to scan, the key as text, one code to confirm.</summary>
public sealed partial class EnrolmentPage(IPage page)
{
    public ILocator QrCode => page.Locator(".qr img");

    public ILocator SetupKey => page.Locator(".secret-key code");

    public ILocator Code => page.GetByLabel("6-digit code");

    public static async Task<EnrolmentPage> ExpectAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(Path());
        return new EnrolmentPage(page);
    }

    /// <summary>
    /// What a phone's camera reads: the pixels of the QR code as the browser drew them, not the HTML. Like a person
    /// holding the phone a little closer, it tries the drawn image, then the framed code with its white margin.
    /// </summary>
    public async Task<string> ScanQrCodeAsync()
    {
        await Expect(QrCode).ToBeVisibleAsync();
        await QrCode.EvaluateAsync("image => image.decode()");
        foreach (var shot in new[] { QrCode, page.Locator(".qr") })
        {
            if (QrCodeReader.Decode(await shot.ScreenshotAsync()) is { } text)
            {
                return text;
            }
        }

        Assert.Fail("The QR code on the enrolment page could not be read from a screenshot.");
        return string.Empty;
    }

    public async Task ConfirmAsync(string code)
    {
        await Code.FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
    }

    [GeneratedRegex("/enrol\\b")]
    private static partial Regex Path();
}
