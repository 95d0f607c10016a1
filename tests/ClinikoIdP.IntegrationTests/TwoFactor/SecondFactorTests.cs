using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// Issue 3, "Verification": a later sign-in asks for the authenticator code; each code works once (NIST SP 800-63B-4
/// §3.1.4.2), even in another browser; guessing locks the account.
/// </summary>
public class SecondFactorTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    private async Task<SecondFactorPage> PasswordAsync(Browser browser, TestUser user)
    {
        var client = await factory.StandardClientAsync();
        return await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, client.NewAuthorizationRequest(), user));
    }

    [Fact]
    public async Task SecondSignInAsksForTheAuthenticatorCodeAndRecordsOtpInTheIdToken()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();

        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.App.Code());
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(landed));

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal("urn:clinikoidp:acr:mfa", idToken.GetPayloadValue<string>("acr"));
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), idToken.GetPayloadValue<long>("auth_time"));
        Assert.Contains(await AuditTrail.EventsOfAsync(factory, enrolled.User), e => e is { Kind: "second_factor", Outcome: "succeeded" });
    }

    [Fact]
    public async Task RejectsReplayedTotpCodeInAFreshBrowser()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        var code = enrolled.App.Code();
        using (var first = factory.NewBrowser())
        {
            var landed = await TwoFactorJourneys.SignInWithCodeAsync(first, client.NewAuthorizationRequest(), enrolled.User, code);
            Assert.NotNull(AuthorizationResponse.FromRedirect(landed).Code);
        }

        using var second = factory.NewBrowser();
        var page = await PasswordAsync(second, enrolled.User);
        var refused = await page.SubmitExpectingFailureAsync(code);

        Assert.Contains("already been used", refused.CodeError, StringComparison.Ordinal);
        Assert.False(second.HasSessionCookie);
        Assert.Contains(await AuditTrail.EventsOfAsync(factory, enrolled.User), e => e is { Kind: "second_factor", Outcome: "replayed" });
    }

    [Fact]
    public async Task RejectsAnOlderCodeOnceANewerOneWasAccepted()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using (var first = factory.NewBrowser())
        {
            // A phone running a step ahead: still inside the window of one step either side (RFC 6238 §5.2).
            var ahead = await (await PasswordAsync(first, enrolled.User)).SubmitAsync(enrolled.App.Code(stepOffset: 1));
            Assert.Equal(HttpStatusCode.SeeOther, ahead.StatusCode);
        }

        using var second = factory.NewBrowser();
        var refused = await (await PasswordAsync(second, enrolled.User)).SubmitExpectingFailureAsync(enrolled.App.Code());

        Assert.Contains("already been used", refused.CodeError, StringComparison.Ordinal);
        Assert.False(second.HasSessionCookie);
    }

    [Theory]
    [InlineData("authenticator code")]
    [InlineData("backup code")]
    public async Task OnlyOneOfTwoConcurrentSubmissionsOfOneCodeSucceeds(string kind)
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var code = kind == "backup code" ? enrolled.BackupCodes[0] : enrolled.App.Code();
        using var first = factory.NewBrowser();
        using var second = factory.NewBrowser();
        var pages = new[] { await PasswordAsync(first, enrolled.User), await PasswordAsync(second, enrolled.User) };

        var responses = await Task.WhenAll(pages.Select(page => page.SubmitAsync(code)));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.SeeOther);
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Single(new[] { first, second }, browser => browser.HasSessionCookie);
    }

    [Fact]
    public async Task HintsAtThePhonesClockWhenTheCodeIsAFewStepsOff()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();

        var refused = await (await PasswordAsync(browser, enrolled.User)).SubmitExpectingFailureAsync(enrolled.App.Code(stepOffset: 4));

        Assert.Contains("clock", refused.CodeError, StringComparison.Ordinal);
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task FiveWrongCodesLockTheAccountAndThenEvenTheRightCodeFails()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();
        var page = await PasswordAsync(browser, enrolled.User);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            page = await page.SubmitExpectingFailureAsync(enrolled.App.WrongCode());
            Assert.Contains("wrong", page.CodeError, StringComparison.Ordinal);
        }

        page = await page.SubmitExpectingFailureAsync(enrolled.App.WrongCode());
        Assert.Contains("locked", page.CodeError, StringComparison.Ordinal);
        page = await page.SubmitExpectingFailureAsync(enrolled.App.Code());
        Assert.Contains("locked", page.CodeError, StringComparison.Ordinal);
        Assert.False(browser.HasSessionCookie);

        var events = (await AuditTrail.EventsOfAsync(factory, enrolled.User)).Where(e => e.Kind == "second_factor").ToList();
        Assert.Equal(4, events.Count(e => e.Outcome == "failed"));
        Assert.Equal(2, events.Count(e => e.Outcome == "locked_out"));
        Assert.DoesNotContain(events, e => e.Outcome == "succeeded");
        using var later = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(later);
        var refusedPassword = await signIn.SubmitExpectingFailureAsync(enrolled.User.Email, enrolled.User.Password);
        Assert.NotEmpty(refusedPassword.ErrorSummary);
    }
}
