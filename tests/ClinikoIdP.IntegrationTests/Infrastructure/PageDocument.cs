using System.Net;
using AngleSharp.Html.Dom;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>A page the browser landed on: checked to be the expected one, parsed, with its forms at hand.</summary>
public sealed class PageDocument
{
    private PageDocument(IHtmlDocument document, Uri uri)
    {
        Document = document;
        Uri = uri;
    }

    public IHtmlDocument Document { get; }

    /// <summary>The address the page was served from (the base for its relative links and form actions).</summary>
    public Uri Uri { get; }

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>Reads a response that must be the page at <paramref name="path"/>, served with 200.</summary>
    public static async Task<PageDocument> ReadAsync(HttpResponseMessage response, string path)
    {
        var uri = response.RequestMessage!.RequestUri!;
        Assert.True(response.StatusCode == HttpStatusCode.OK && uri.AbsolutePath == path,
            $"Expected the page {path}, got {(int)response.StatusCode} from {uri.AbsolutePath}"
            + (Browser.IsRedirect(response) ? $" redirecting to {response.Headers.Location}." : "."));
        return new PageDocument(await Browser.ParseAsync(response), uri);
    }

    /// <summary>The one form containing an element that matches the selector.</summary>
    public HtmlForm FormWith(string selector) =>
        HtmlForm.Read(Document.Forms.OfType<IHtmlFormElement>().Single(f => f.QuerySelector(selector) is not null), Uri);

    /// <summary>The validation message shown beside a field, empty when there is none.</summary>
    public string FieldError(string fieldName) =>
        Document.QuerySelector($"[data-valmsg-for='{fieldName}']")?.TextContent.Trim() ?? "";
}
