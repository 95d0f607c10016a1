using System.Net;
using AngleSharp.Html.Dom;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Invitations;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>The page an invitation link opens: a password form for the invited person, or the "can no longer be used" page.</summary>
public sealed class InvitationPage
{
    public const string Path = InvitationRoutes.Accept;

    private readonly Browser browser;

    private InvitationPage(Browser browser, HttpStatusCode status, IHtmlDocument document, Uri uri)
    {
        this.browser = browser;
        Status = status;
        Document = document;
        Uri = uri;
    }

    public HttpStatusCode Status { get; }

    public IHtmlDocument Document { get; }

    public Uri Uri { get; }

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>The password form is shown (the link is live and the account still waits for its password).</summary>
    public bool ShowsForm => Document.QuerySelector("[data-invitation='form'] form") is not null;

    /// <summary>The plain explanation for an expired, used, replaced or mistyped link.</summary>
    public bool ShowsUnusable => Document.QuerySelector("[data-invitation='unusable']") is not null;

    /// <summary>The read-only email a password manager saves the new password under.</summary>
    public string? ShownEmail => Document.QuerySelector("input[autocomplete='username']")?.GetAttribute("value");

    public string PasswordError => FieldError("Input.Password");

    public string ConfirmError => FieldError("Input.ConfirmPassword");

    /// <summary>Reads the page the browser landed on (after following the link's redirect).</summary>
    public static async Task<InvitationPage> ReadAsync(Browser browser, HttpResponseMessage response)
    {
        var uri = response.RequestMessage!.RequestUri!;
        Assert.False(Browser.IsRedirect(response), $"Expected the invitation page, got a redirect to {response.Headers.Location}.");
        Assert.Equal(Path, uri.AbsolutePath);
        return new InvitationPage(browser, response.StatusCode, await Browser.ParseAsync(response), uri);
    }

    /// <summary>Fills in both password fields and submits; returns the raw response (303 onwards, or the page again).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string password, string? confirm = null)
    {
        var form = HtmlForm.Read(Document.Forms.OfType<IHtmlFormElement>().Single(), Uri);
        return form.Set("Input.Password", password).Set("Input.ConfirmPassword", confirm ?? password).SubmitAsync(browser);
    }

    public async Task<InvitationPage> SubmitExpectingPageAsync(string password, string? confirm = null) =>
        await ReadAsync(browser, await SubmitAsync(password, confirm));

    /// <summary>Asserts the page is the one explanation every unusable link gets (410 Gone, no form).</summary>
    public void AssertUnusable()
    {
        Assert.Equal(HttpStatusCode.Gone, Status);
        Assert.True(ShowsUnusable, "Expected the 'can no longer be used' explanation.");
        Assert.False(ShowsForm);
        Assert.Equal("This invitation link can no longer be used", Heading);
    }

    private string FieldError(string name) =>
        Document.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";
}
