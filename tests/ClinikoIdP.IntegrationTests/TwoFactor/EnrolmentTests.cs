using System.Net;
using System.Text.RegularExpressions;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// Issue 3, "Enrolment", under the default policy (Always): a new user is taken from the password straight to
/// enrolment, scans the QR code, confirms a code, saves the backup codes, and only then reaches the clinic app.
/// </summary>
public class EnrolmentTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    /// <summary>A new user's first sign-in, up to the enrolment page.</summary>
    private async Task<(TestClient Client, AuthorizationRequest Request, TestUser User, EnrolmentPage Page)> OpenEnrolmentAsync(Browser browser)
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        var request = client.NewAuthorizationRequest();
        var page = await EnrolmentPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, user));
        return (client, request, user, page);
    }

    private async Task<string?> StoredSecretAsync(TestUser user) => (await AuditTrail.AccountOfAsync(factory, user)).AuthenticatorSecret;

    [Fact]
    public async Task PasswordAloneLeadsToEnrolmentWithNoSessionAndNoCode()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));

        var submitted = await signIn.SubmitAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.Equal(EnrolmentPage.Path, Browser.LocationOf(submitted).AbsolutePath);
        Assert.False(browser.HasSessionCookie, "A session cookie was issued before the second factor.");
        var again = await browser.NavigateAsync(request.Url);
        Assert.False(Browser.IsRedirect(again), $"The authorization request went on to {again.Headers.Location}.");
        await SignInPage.ReadAsync(browser, again);
    }

    [Fact]
    public async Task QrCodeCarriesAStandardOtpauthUriWhoseSecretIsTheTypedKey()
    {
        using var browser = factory.NewBrowser();
        var (_, _, user, page) = await OpenEnrolmentAsync(browser);

        var decoded = page.DecodeQrCode();

        var uri = new Uri(decoded);
        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal($"/ClinikoIdP:{user.Email}", Uri.UnescapeDataString(uri.AbsolutePath));
        var query = QueryHelpers.ParseQuery(uri.Query);
        var secret = query["secret"].ToString();
        Assert.Matches("^[A-Z2-7]{32}$", secret); // 32 base32 symbols of 5 bits: a 160-bit secret (RFC 4226 §4).
        Assert.Equal("ClinikoIdP", query["issuer"].ToString());
        Assert.Equal("SHA1", query.TryGetValue("algorithm", out var algorithm) ? algorithm.ToString() : "SHA1");
        Assert.Equal("6", query.TryGetValue("digits", out var digits) ? digits.ToString() : "6");
        Assert.Equal("30", query.TryGetValue("period", out var period) ? period.ToString() : "30");
        Assert.Equal((secret, "ClinikoIdP", $"ClinikoIdP:{user.Email}"), IndependentTotp.ParseUri(decoded));
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", page.TypedKey);
        Assert.Equal(secret, page.TypedKey.Replace(" ", "", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(page.QrImageAlt), "The QR image has no alt text.");
    }

    [Fact]
    public async Task RefusesAWrongEnrolmentCodeWithAFieldErrorAndKeepsTheSameKey()
    {
        using var browser = factory.NewBrowser();
        var (_, _, user, page) = await OpenEnrolmentAsync(browser);
        var app = page.Scan(factory.Clock);

        var refused = await page.SubmitExpectingFailureAsync(app.WrongCode());

        Assert.Contains("wrong", refused.CodeError, StringComparison.Ordinal);
        Assert.Equal(page.TypedKey, refused.TypedKey);
        Assert.Equal(app.OtpAuthUri, refused.DecodeQrCode());
        Assert.Null(await StoredSecretAsync(user));
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task BackupCodesPageShowsTenDistinctCodesAndDownloadsTheSameOnes()
    {
        using var browser = factory.NewBrowser();
        var (_, _, user, page) = await OpenEnrolmentAsync(browser);
        var confirmed = await page.SubmitAsync(page.Scan(factory.Clock).Code());
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);

        var codes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));
        var download = await codes.DownloadAsync();

        Assert.Equal(10, codes.Codes.Count);
        Assert.Equal(10, codes.Codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes.Codes, code => Assert.Matches(BackupCodesPage.CodeShape(), code));
        var downloaded = Regex.Matches(download, "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").Select(m => m.Value);
        Assert.Equal(codes.Codes, downloaded);
        Assert.Contains(user.Email, download, StringComparison.Ordinal);
        Assert.NotNull(await StoredSecretAsync(user));
        Assert.False(browser.HasSessionCookie, "The session started before the backup codes were saved.");
    }

    [Fact]
    public async Task RefusesToContinueUntilTheBackupCodesAreConfirmedSaved()
    {
        using var browser = factory.NewBrowser();
        var (_, request, _, page) = await OpenEnrolmentAsync(browser);
        var confirmed = await page.SubmitAsync(page.Scan(factory.Clock).Code());
        var codes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));

        var refused = await BackupCodesPage.ReadAsync(browser, await codes.ContinueAsync(saved: false));

        Assert.Contains("saved", refused.SavedError, StringComparison.Ordinal);
        Assert.Equal(codes.Codes, refused.Codes);
        Assert.False(browser.HasSessionCookie);
        await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
    }

    [Fact]
    public async Task FirstSignInEnrolsAndIssuesAnIdTokenWithOtpAmrAndMfaAcr()
    {
        using var browser = factory.NewBrowser();
        var (client, request, user, page) = await OpenEnrolmentAsync(browser);
        var app = page.Scan(factory.Clock);
        var started = factory.Clock.GetUtcNow().ToUnixTimeSeconds();

        var (backupCodes, response) = await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, page, app);
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);

        Assert.Equal(client.RedirectUri, response.RedirectedTo);
        Assert.Equal(request.State, response.State);
        Assert.Equal(10, backupCodes.Count);
        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal("urn:clinikoidp:acr:mfa", idToken.GetPayloadValue<string>("acr"));
        Assert.InRange(idToken.GetPayloadValue<long>("auth_time"), started, factory.Clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.True(browser.HasSessionCookie);
        Assert.NotNull(await StoredSecretAsync(user));
        var shownAgain = await browser.GetAsync(BackupCodesPage.Path);
        Assert.True(Browser.IsRedirect(shownAgain), "The backup codes were shown a second time.");
    }

    [Fact]
    public async Task AbandonedEnrolmentLeavesTheAccountWithoutAnAuthenticator()
    {
        var browser = factory.NewBrowser();
        var (client, _, user, page) = await OpenEnrolmentAsync(browser);
        var abandonedKey = page.TypedKey;
        browser.Dispose();

        using var later = factory.NewBrowser();
        var next = await TwoFactorJourneys.PasswordAsync(later, client.NewAuthorizationRequest(), user);

        var enrolAgain = await EnrolmentPage.ReadAsync(later, next);
        Assert.Equal(abandonedKey, enrolAgain.TypedKey);
        Assert.Null(await StoredSecretAsync(user));
        Assert.Equal(0, await AuditTrail.UnusedBackupCodesOfAsync(factory, user));
        Assert.DoesNotContain(await AuditTrail.EventsOfAsync(factory, user), e => e.Kind == "authenticator_enrolled");
        var secondFactor = await later.NavigateAsync(SecondFactorPage.Path);
        Assert.Equal(EnrolmentPage.Path, secondFactor.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task RejectsTheConfirmingEnrolmentCodeReplayedAtTheNextSignIn()
    {
        var browser = factory.NewBrowser();
        var (client, _, user, page) = await OpenEnrolmentAsync(browser);
        var app = page.Scan(factory.Clock);
        var confirmingCode = app.Code();
        Assert.Equal(HttpStatusCode.SeeOther, (await page.SubmitAsync(confirmingCode)).StatusCode);
        browser.Dispose();

        using var next = factory.NewBrowser();
        var secondFactor = await SecondFactorPage.ReadAsync(next, await TwoFactorJourneys.PasswordAsync(next, client.NewAuthorizationRequest(), user));
        var refused = await secondFactor.SubmitExpectingFailureAsync(confirmingCode);

        Assert.Contains("already been used", refused.CodeError, StringComparison.Ordinal);
        Assert.False(next.HasSessionCookie);
        factory.Clock.Advance(AuthenticatorApp.Step);
        var accepted = await refused.SubmitAsync(app.Code());
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.NotNull(AuthorizationResponse.FromRedirect(await next.FollowAsync(accepted)).Code);
    }
}
