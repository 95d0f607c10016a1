using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// A sign-in that has passed only the password: it expires back to the sign-in page (never an error page), and it
/// cannot be used to replace the account's authenticator, or a stolen password would be enough to take it over.
/// </summary>
public class PartialSignInTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    /// <summary>ARCHITECTURE.md: the pending sign-in lasts IdP:PendingSignInLifetime, 10 minutes by default.</summary>
    private static readonly TimeSpan BeyondPendingLifetime = TimeSpan.FromMinutes(11);

    private async Task<(AuthorizationRequest Request, SecondFactorPage Page)> PasswordOnlyAsync(Browser browser, TestUser user)
    {
        var client = await factory.StandardClientAsync();
        var request = client.NewAuthorizationRequest();
        return (request, await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, user)));
    }

    private static void AssertRedirectedToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(SignInPage.Path, Browser.LocationOf(response).AbsolutePath);
    }

    [Fact]
    public async Task ExpiredPendingSignInSendsTheUserBackToSignInWithAMessage()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();
        var (request, page) = await PasswordOnlyAsync(browser, enrolled.User);
        factory.Clock.Advance(BeyondPendingLifetime);

        var submitted = await page.SubmitAsync(enrolled.App.Code());

        AssertRedirectedToSignIn(submitted);
        var signIn = await SignInPage.ReadAsync(browser, await browser.FollowAsync(submitted));
        Assert.Contains("expired", signIn.Notice, StringComparison.Ordinal);
        Assert.Equal(request.Url, signIn.ReturnUrl);
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task ExpiredEnrolmentSendsTheUserBackToSignInWithAMessage()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var page = await EnrolmentPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, await Seed.UserAsync(factory)));
        var app = page.Scan(factory.Clock);
        factory.Clock.Advance(BeyondPendingLifetime);

        var submitted = await page.SubmitAsync(app.Code());

        AssertRedirectedToSignIn(submitted);
        var signIn = await SignInPage.ReadAsync(browser, await browser.FollowAsync(submitted));
        Assert.Contains("expired", signIn.Notice, StringComparison.Ordinal);
        Assert.Equal(request.Url, signIn.ReturnUrl);
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task SecondFactorPageWithoutAPendingSignInRedirectsToSignIn()
    {
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser);

        var opened = await browser.GetAsync(SecondFactorPage.Path);
        var posted = await browser.PostFormAsync(SecondFactorPage.Path,
            [new("__RequestVerificationToken", signIn.AntiforgeryToken!), new("Input.Code", "123456")]);

        AssertRedirectedToSignIn(opened);
        AssertRedirectedToSignIn(posted);
        await SignInPage.ReadAsync(browser, await browser.FollowAsync(posted));
    }

    [Fact]
    public async Task PasswordAloneCannotOpenEnrolmentToReplaceTheAuthenticator()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var before = await AuditTrail.AccountOfAsync(factory, enrolled.User);
        using var attacker = factory.NewBrowser();
        await PasswordOnlyAsync(attacker, enrolled.User);

        var opened = await attacker.GetAsync(EnrolmentPage.Path);

        AssertRedirectedToSignIn(opened);
        var after = await AuditTrail.AccountOfAsync(factory, enrolled.User);
        Assert.Equal(before.AuthenticatorSecret, after.AuthenticatorSecret);
        Assert.Null(after.PendingAuthenticatorSecret);
    }

    [Fact]
    public async Task PostingACodeToEnrolmentWithOnlyThePasswordLeavesTheAuthenticatorAlone()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var before = await AuditTrail.AccountOfAsync(factory, enrolled.User);
        using var attacker = factory.NewBrowser();
        var (_, page) = await PasswordOnlyAsync(attacker, enrolled.User);

        var posted = await attacker.PostFormAsync(EnrolmentPage.Path,
            [new("__RequestVerificationToken", page.Form["__RequestVerificationToken"]!), new("Input.Code", "123456")]);

        AssertRedirectedToSignIn(posted);
        var after = await AuditTrail.AccountOfAsync(factory, enrolled.User);
        Assert.Equal(before.AuthenticatorSecret, after.AuthenticatorSecret);
        Assert.Equal(before.AuthenticatorEnrolledAt, after.AuthenticatorEnrolledAt);
        Assert.Null(after.PendingAuthenticatorSecret);
        Assert.Single(await AuditTrail.EventsOfAsync(factory, enrolled.User), e => e.Kind == "authenticator_enrolled");
        using var owner = factory.NewBrowser();
        var client = await factory.StandardClientAsync();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(owner, client.NewAuthorizationRequest(), enrolled.User, enrolled.App.Code());
        Assert.NotNull(AuthorizationResponse.FromRedirect(landed).Code);
    }

    [Fact]
    public async Task EnrolmentAndSecondFactorPagesForbidFraming()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var returning = factory.NewBrowser();
        using var newcomer = factory.NewBrowser();

        var secondFactor = await TwoFactorJourneys.PasswordAsync(returning, client.NewAuthorizationRequest(), enrolled.User);
        var enrolment = await TwoFactorJourneys.PasswordAsync(newcomer, client.NewAuthorizationRequest(), await Seed.UserAsync(factory));

        Assert.Equal(SecondFactorPage.Path, secondFactor.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(EnrolmentPage.Path, enrolment.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.All(new[] { secondFactor, enrolment }, response =>
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        });
    }

    [Fact]
    public async Task PagesShowingTheSecretOrTheBackupCodesAreNotCached()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var enrolmentResponse = await TwoFactorJourneys.PasswordAsync(browser, client.NewAuthorizationRequest(), await Seed.UserAsync(factory));
        var enrolment = await EnrolmentPage.ReadAsync(browser, enrolmentResponse);
        var backupCodesResponse = await browser.FollowAsync(await enrolment.SubmitAsync(enrolment.Scan(factory.Clock).Code()));
        var download = await (await BackupCodesPage.ReadAsync(browser, backupCodesResponse)).GetDownloadAsync();

        Assert.All(new[] { enrolmentResponse, backupCodesResponse, download }, response =>
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true,
                $"{response.RequestMessage!.RequestUri!.PathAndQuery} may be stored in a cache: Cache-Control is '{response.Headers.CacheControl}'.");
        });
    }
}
