using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>The consent page shown for a third-party app: which app, which permissions, allow or deny.</summary>
public sealed class ConsentPage
{
    private readonly Browser browser;
    private readonly IHtmlDocument document;
    private readonly HtmlForm form;

    private ConsentPage(Browser browser, IHtmlDocument document, HtmlForm form)
    {
        this.browser = browser;
        this.document = document;
        this.form = form;
    }

    public string Heading => document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public IReadOnlyList<string> ScopeDescriptions =>
        [.. document.QuerySelectorAll(".scope-list li").Select(li => li.TextContent.Trim())];

    public static async Task<ConsentPage> ReadAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Browser.ParseAsync(response);
        var formElement = document.Forms.OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("button[formaction*='handler=Accept']") is not null);
        return new ConsentPage(browser, document, HtmlForm.Read(formElement, response.RequestMessage!.RequestUri!));
    }

    public Task<HttpResponseMessage> AllowAsync() => PressAsync("Accept");

    public Task<HttpResponseMessage> DenyAsync() => PressAsync("Deny");

    private Task<HttpResponseMessage> PressAsync(string handler)
    {
        var button = document.QuerySelectorAll<IHtmlButtonElement>("button")
            .Single(b => b.GetAttribute("formaction")?.Contains($"handler={handler}", StringComparison.Ordinal) == true);
        return form.SubmitWithAsync(browser, button);
    }
}
