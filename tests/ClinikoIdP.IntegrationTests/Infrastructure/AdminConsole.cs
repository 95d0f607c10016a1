using System.Net;
using AngleSharp.Html.Dom;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// A browser signed in to the admin console as a new administrator: password, then (the console asks for it whatever
/// the policy) an authenticator set up on the spot. Pages are opened and forms submitted as a person would.
/// </summary>
public sealed class AdminConsole : IDisposable
{
    private AdminConsole(IdpFactory factory, Browser browser, EnrolledUser admin)
    {
        Factory = factory;
        Browser = browser;
        Admin = admin;
    }

    public IdpFactory Factory { get; }

    public Browser Browser { get; }

    public EnrolledUser Admin { get; }

    /// <summary>Creates an administrator with the command line and signs them in to <c>/admin</c>, enrolling on the way.</summary>
    public static async Task<AdminConsole> SignInAsync(IdpFactory factory)
    {
        var id = Seed.UniqueId("admin");
        var user = new TestUser($"{id}@clinic.test", $"steady harbour {id} compass", $"Admin {id}");
        await factory.AdminOkAsync("user", "create", "--email", user.Email, "--password", user.Password, "--name", user.Name, "--admin");

        var browser = factory.NewBrowser();
        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync("/admin"));
        var submitted = await signIn.SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);

        // No authenticator yet: the console sends the administrator to set one up before it opens.
        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.FollowAsync(submitted));
        var app = enrolment.Scan(factory.Clock);
        var confirmed = await enrolment.SubmitAsync(app.Code());
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var codes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));
        var saved = await codes.ContinueAsync(saved: true);
        var dashboard = await browser.FollowAsync(saved);
        await PageDocument.ReadAsync(dashboard, "/admin");
        factory.Clock.Advance(AuthenticatorApp.Step);
        return new AdminConsole(factory, browser, new EnrolledUser(user, app, codes.Codes));
    }

    /// <summary>Opens a console page (following redirects) and checks it is the page at <paramref name="path"/>.</summary>
    public async Task<PageDocument> OpenAsync(string url)
    {
        var response = await Browser.NavigateAsync(url);
        return await PageDocument.ReadAsync(response, new Uri(IdpFactory.BaseAddress, url).AbsolutePath);
    }

    /// <summary>Submits a form and returns the raw response (303 after a change, the page again with errors).</summary>
    public Task<HttpResponseMessage> SubmitAsync(HtmlForm form) => form.SubmitAsync(Browser);

    /// <summary>Submits a form through one of its buttons (a named handler).</summary>
    public Task<HttpResponseMessage> SubmitWithAsync(PageDocument page, string buttonSelector)
    {
        var button = page.Document.QuerySelector(buttonSelector) as IHtmlButtonElement
            ?? throw new InvalidOperationException($"No button matches {buttonSelector} on {page.Uri}.");
        var form = HtmlForm.Read((IHtmlFormElement)button.Form!, page.Uri);
        return form.SubmitWithAsync(Browser, button);
    }

    /// <summary>Submits a form that must succeed and follows its 303 to the page shown next.</summary>
    public async Task<PageDocument> SubmitAndFollowAsync(HtmlForm form, string expectedPath)
    {
        var response = await SubmitAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"Expected 303 after the change, got {(int)response.StatusCode}: {await DescribeErrorsAsync(response)}");
        return await PageDocument.ReadAsync(await Browser.FollowAsync(response), expectedPath);
    }

    /// <summary>The confirmation the console shows after a change, empty when there is none.</summary>
    public static string Flash(PageDocument page) => page.Document.QuerySelector(".flash")?.TextContent.Trim() ?? "";

    public void Dispose() => Browser.Dispose();

    private static async Task<string> DescribeErrorsAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response.ReasonPhrase ?? "";
        }

        var document = await Browser.ParseAsync(response);
        return string.Join("; ", document.QuerySelectorAll(".field-error, .error-summary li, .validation-summary-errors li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }
}
