using System.Globalization;
using AngleSharp.Html.Dom;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>Shown after signing in with a backup code: how many are left, and a new set offered when few remain.</summary>
public sealed class RemainingBackupCodesPage
{
    public const string Path = "/backup-codes/remaining";

    private readonly Browser browser;

    private RemainingBackupCodesPage(Browser browser, PageDocument page)
    {
        this.browser = browser;
        Page = page;
    }

    public PageDocument Page { get; }

    /// <summary>The number in "You have N backup codes left".</summary>
    public int Left => int.Parse(Page.Document.QuerySelector(".lead strong")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    public string Lead => Page.Document.QuerySelector(".lead")?.TextContent.Trim() ?? "";

    public bool OffersNewSet => RegenerateForm is not null;

    private IHtmlFormElement? RegenerateForm => Page.Document.Forms.OfType<IHtmlFormElement>()
        .SingleOrDefault(f => f.GetAttribute("action")?.Contains("handler=Regenerate", StringComparison.Ordinal) == true);

    public static async Task<RemainingBackupCodesPage> ReadAsync(Browser browser, HttpResponseMessage response) =>
        new(browser, await PageDocument.ReadAsync(response, Path));

    /// <summary>Presses "Generate new backup codes"; returns the raw response (303 to the new codes).</summary>
    public Task<HttpResponseMessage> RegenerateAsync()
    {
        Assert.True(OffersNewSet, "The page offers no new set of backup codes.");
        return HtmlForm.Read(RegenerateForm!, Page.Uri).SubmitAsync(browser);
    }

    /// <summary>Follows the Continue link (back to the authorization request) and its redirects.</summary>
    public Task<HttpResponseMessage> ContinueAsync()
    {
        var href = Page.Document.QuerySelectorAll("a.button").Single(a => a.TextContent.Trim() == "Continue").GetAttribute("href");
        return browser.NavigateAsync(new Uri(Page.Uri, href).PathAndQuery);
    }
}
