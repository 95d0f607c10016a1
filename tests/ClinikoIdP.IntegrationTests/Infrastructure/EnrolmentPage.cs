using ClinikoIdP.TestSupport;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>The enrolment page: a QR code to scan, the same key as text, and one field to confirm a code.</summary>
public sealed class EnrolmentPage
{
    public const string Path = "/enrol";

    private readonly Browser browser;

    private EnrolmentPage(Browser browser, PageDocument page)
    {
        this.browser = browser;
        Page = page;
        Form = page.FormWith("input[name='Input.Code']");
    }

    public PageDocument Page { get; }

    public HtmlForm Form { get; }

    public string? ReturnUrl => Form["ReturnUrl"];

    /// <summary>The QR image's <c>src</c> (a PNG data URI rendered by the server).</summary>
    public string QrImageSource => Page.Document.QuerySelector(".qr img")?.GetAttribute("src") ?? "";

    public string QrImageAlt => Page.Document.QuerySelector(".qr img")?.GetAttribute("alt") ?? "";

    /// <summary>The key as printed for typing into an app (groups of four).</summary>
    public string TypedKey => Page.Document.QuerySelector("p.secret-key code")?.TextContent.Trim() ?? "";

    public string CodeError => Page.FieldError("Input.Code");

    public static async Task<EnrolmentPage> ReadAsync(Browser browser, HttpResponseMessage response) =>
        new(browser, await PageDocument.ReadAsync(response, Path));

    /// <summary>Decodes the QR image itself, as a phone's camera would, and returns what it carries.</summary>
    public string DecodeQrCode()
    {
        var text = QrCodeReader.DecodeDataUri(QrImageSource);
        Assert.False(string.IsNullOrEmpty(text), "The enrolment QR image could not be decoded.");
        return text;
    }

    /// <summary>Scans the QR code into a new authenticator app that reads the server's clock.</summary>
    public AuthenticatorApp Scan(TimeProvider clock) => new(DecodeQrCode(), clock);

    /// <summary>Submits a code; returns the raw response (303 to the backup codes on success, the page again on failure).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string code) => Form.Set("Input.Code", code).SubmitAsync(browser);

    public async Task<EnrolmentPage> SubmitExpectingFailureAsync(string code) => await ReadAsync(browser, await SubmitAsync(code));
}
