using System.Net;
using System.Text.RegularExpressions;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>The page that shows a new set of backup codes once, with a download and an "I have saved these" box.</summary>
public sealed partial class BackupCodesPage
{
    public const string Path = "/backup-codes";

    private readonly Browser browser;

    private BackupCodesPage(Browser browser, PageDocument page)
    {
        this.browser = browser;
        Page = page;
        Form = page.FormWith("input[name='Saved'][type='checkbox']");
    }

    public PageDocument Page { get; }

    public HtmlForm Form { get; }

    public IReadOnlyList<string> Codes =>
        [.. Page.Document.QuerySelectorAll("ol.backup-codes li code").Select(code => code.TextContent.Trim())];

    public string SavedError => Page.FieldError("Saved");

    /// <summary>XXXX-XXXX-XXXX-XXXX in Crockford's base32 alphabet (no I, L, O or U).</summary>
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")]
    public static partial Regex CodeShape();

    public static async Task<BackupCodesPage> ReadAsync(Browser browser, HttpResponseMessage response) =>
        new(browser, await PageDocument.ReadAsync(response, Path));

    /// <summary>Follows the "Download as text" link and returns the file's text, checking it is a .txt attachment.</summary>
    public async Task<string> DownloadAsync()
    {
        var response = await GetDownloadAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".txt", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Follows the "Download as text" link; returns the raw response.</summary>
    public Task<HttpResponseMessage> GetDownloadAsync()
    {
        var href = Page.Document.QuerySelector("a[href*='handler=Download']")?.GetAttribute("href");
        Assert.False(string.IsNullOrEmpty(href), "The page has no download link.");
        return browser.GetAsync(new Uri(Page.Uri, href).PathAndQuery);
    }

    /// <summary>Presses Continue, with or without ticking "I have saved these codes"; returns the raw response.</summary>
    public Task<HttpResponseMessage> ContinueAsync(bool saved) => (saved ? Form.Check("Saved") : Form).SubmitAsync(browser);
}
