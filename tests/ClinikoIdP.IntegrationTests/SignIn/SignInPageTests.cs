using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.SignIn;

/// <summary>The sign-in page: one generic error, no user enumeration, lockout, and local return URLs only.</summary>
public class SignInPageTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string GenericError = "That email and password don't match an account that can sign in.";

    private async Task<SignInPage> OpenFromAuthorizationAsync(Browser browser)
    {
        var client = await factory.StandardClientAsync();
        return await SignInPage.ReadAsync(browser, await browser.NavigateAsync(client.NewAuthorizationRequest().Url));
    }

    [Fact]
    public async Task WrongPasswordShowsTheGenericErrorAndKeepsNoPassword()
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await OpenFromAuthorizationAsync(browser);

        var again = await page.SubmitExpectingFailureAsync(user.Email, "not the right password");

        Assert.StartsWith(GenericError, again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("", again.Form["Input.Password"]);
        Assert.Equal(page.ReturnUrl, again.ReturnUrl);
    }

    [Fact]
    public async Task EveryPasswordAttemptIsWrittenToTheAuditTrail()
    {
        var user = await Seed.UserAsync(factory);
        var stranger = new TestUser("nobody-" + Guid.NewGuid().ToString("N") + "@clinic.test", "not the right password", "Nobody");
        using var browser = factory.NewBrowser();
        var page = await OpenFromAuthorizationAsync(browser);

        var failed = await page.SubmitExpectingFailureAsync(user.Email, "not the right password");
        var unknown = await failed.SubmitExpectingFailureAsync(stranger.Email, stranger.Password);
        await unknown.SubmitAsync(user.Email, user.Password);

        var events = await AuditTrail.EventsOfAsync(factory, user);
        Assert.Equal(["failed", "succeeded"], events.Where(e => e.Kind == "sign_in").Select(e => e.Outcome));
        var strangerEvent = Assert.Single(await AuditTrail.EventsOfAsync(factory, stranger));
        Assert.Equal(("sign_in", "failed", null), (strangerEvent.Kind, strangerEvent.Outcome, strangerEvent.UserId));
    }

    [Fact]
    public async Task UnknownEmailGetsExactlyTheSameAnswerAsAWrongPassword()
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await OpenFromAuthorizationAsync(browser);

        var wrongPassword = await page.SubmitAsync(user.Email, "not the right password");
        var wrongPasswordPage = await SignInPage.ReadAsync(browser, wrongPassword);
        var unknownEmail = await wrongPasswordPage.SubmitAsync("nobody-" + Guid.NewGuid().ToString("N") + "@clinic.test", "not the right password");
        var unknownEmailPage = await SignInPage.ReadAsync(browser, unknownEmail);

        Assert.Equal(wrongPassword.StatusCode, unknownEmail.StatusCode);
        Assert.Equal(wrongPasswordPage.ErrorSummary, unknownEmailPage.ErrorSummary);
        Assert.StartsWith(GenericError, unknownEmailPage.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneFails()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var page = await OpenFromAuthorizationAsync(browser);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            page = await page.SubmitExpectingFailureAsync(user.Email, $"wrong password number {attempt}");
        }

        var withRightPassword = await page.SubmitExpectingFailureAsync(user.Email, user.Password);

        Assert.StartsWith(GenericError, withRightPassword.ErrorSummary, StringComparison.Ordinal);
        Assert.Null(browser.Cookies.GetAllCookies().FirstOrDefault(c => c.Name.Contains("Session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FourWrongPasswordsDoNotLockTheAccount()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var page = await OpenFromAuthorizationAsync(browser);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            page = await page.SubmitExpectingFailureAsync(user.Email, $"wrong password number {attempt}");
        }

        var response = await page.SubmitAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task SuccessfulSignInAnswers303ToTheReturnUrl()
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await OpenFromAuthorizationAsync(browser);

        var response = await page.SubmitAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(page.ReturnUrl, response.Headers.Location!.ToString());
        Assert.StartsWith(AuthorizationRequest.Path + "?", page.ReturnUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task ReturnUrlToAnotherSiteIsIgnored(string returnUrl)
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser, returnUrl);

        var response = await page.Form.Set("ReturnUrl", returnUrl).Set("Input.Email", user.Email)
            .Set("Input.Password", user.Password).SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LoginHintPrefillsTheEmail()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();

        var page = await SignInPage.ReadAsync(browser,
            await browser.NavigateAsync(client.NewAuthorizationRequest().With("login_hint", "hinted@clinic.test").Url));

        Assert.Equal("hinted@clinic.test", page.EmailValue);
    }

    [Fact]
    public async Task FieldsCarryLabelsAndAutocompleteHints()
    {
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);

        var email = page.Document.QuerySelector("input[name='Input.Email']")!;
        var password = page.Document.QuerySelector("input[name='Input.Password']")!;

        Assert.Equal("username", email.GetAttribute("autocomplete"));
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));
        Assert.Equal("password", password.GetAttribute("type"));
        Assert.NotNull(page.Document.QuerySelector($"label[for='{email.Id}']"));
        Assert.NotNull(page.Document.QuerySelector($"label[for='{password.Id}']"));
        Assert.NotNull(page.Document.QuerySelector("form button[type='submit']"));
    }
}
