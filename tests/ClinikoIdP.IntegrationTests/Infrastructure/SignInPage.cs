using System.Net;
using AngleSharp.Html.Dom;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>The sign-in page as a user sees it: email and password fields, a hidden return URL, any error shown.</summary>
public sealed class SignInPage
{
    public const string Path = "/signin";

    private readonly Browser browser;

    private SignInPage(Browser browser, IHtmlDocument document, HtmlForm form)
    {
        this.browser = browser;
        Document = document;
        Form = form;
    }

    public IHtmlDocument Document { get; }

    public HtmlForm Form { get; }

    public string? ReturnUrl => Form["ReturnUrl"];

    public string? AntiforgeryToken => Form["__RequestVerificationToken"];

    public string? EmailValue => Form["Input.Email"];

    /// <summary>The text of the error summary, empty when the page shows no error.</summary>
    public string ErrorSummary => Document.QuerySelector(".error-summary")?.TextContent.Trim() ?? "";

    /// <summary>The notice above the form (e.g. why the user was sent back here), empty when there is none.</summary>
    public string Notice => Document.QuerySelector(".notice")?.TextContent.Trim() ?? "";

    /// <summary>Reads the sign-in page from a response, which must be that page.</summary>
    public static async Task<SignInPage> ReadAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pageUri = response.RequestMessage!.RequestUri!;
        Assert.Equal(Path, pageUri.AbsolutePath);
        var document = await Browser.ParseAsync(response);
        var form = document.Forms.OfType<IHtmlFormElement>().Single(f => f.QuerySelector("input[name='Input.Password']") is not null);
        return new SignInPage(browser, document, HtmlForm.Read(form, pageUri));
    }

    public static async Task<SignInPage> OpenAsync(Browser browser, string? returnUrl = null)
    {
        var url = returnUrl is null ? Path : $"{Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await ReadAsync(browser, await browser.GetAsync(url));
    }

    /// <summary>Fills in and submits the form; returns the raw response (303 on success, the page again on failure).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string email, string password) =>
        Form.Set("Input.Email", email).Set("Input.Password", password).SubmitAsync(browser);

    /// <summary>Submits a sign-in that must fail and returns the page shown again.</summary>
    public async Task<SignInPage> SubmitExpectingFailureAsync(string email, string password) =>
        await ReadAsync(browser, await SubmitAsync(email, password));
}
