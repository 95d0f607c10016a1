using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// Issue 3, "The user's own security page": a user who has just passed the second factor sets up a new phone from
/// My security; from then on only the new phone's codes work.
/// </summary>
public class NewPhoneTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    private const string MySecurityPath = "/my-security";

    [Fact]
    public async Task NewPhoneSetUpRightAfterSigningInReplacesTheOldOne()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var signedIn = await TwoFactorJourneys.SignInWithCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User, enrolled.App.Code());
        Assert.NotNull(AuthorizationResponse.FromRedirect(signedIn).Code);

        var security = await PageDocument.ReadAsync(await browser.NavigateAsync(MySecurityPath), MySecurityPath);
        var setUpLink = security.Document.QuerySelector("a[href^='/enrol']")?.GetAttribute("href");
        Assert.False(string.IsNullOrEmpty(setUpLink), "My security offers no way to set up a new phone.");
        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.NavigateAsync(setUpLink));
        var newPhone = enrolment.Scan(factory.Clock);
        Assert.NotEqual(enrolled.App.Secret, newPhone.Secret);

        // The new phone shows a code for the same time step the old one was just used in: it is a different secret's
        // code, never used, and must be accepted.
        var confirmed = await enrolment.SubmitAsync(newPhone.Code());
        if (confirmed.StatusCode != HttpStatusCode.SeeOther)
        {
            Assert.Fail($"The new phone's first code was refused: {(await EnrolmentPage.ReadAsync(browser, confirmed)).CodeError}");
        }

        var backupCodes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));
        var saved = await browser.FollowAsync(await backupCodes.ContinueAsync(saved: true));
        await PageDocument.ReadAsync(saved, MySecurityPath);

        factory.Clock.Advance(AuthenticatorApp.Step);
        using var later = factory.NewBrowser();
        var page = await SecondFactorPage.ReadAsync(later, await TwoFactorJourneys.PasswordAsync(later, client.NewAuthorizationRequest(), enrolled.User));
        var oldPhone = await page.SubmitExpectingFailureAsync(enrolled.App.Code());
        Assert.Contains("wrong", oldPhone.CodeError, StringComparison.Ordinal);
        var accepted = await oldPhone.SubmitAsync(newPhone.Code());
        Assert.NotNull(AuthorizationResponse.FromRedirect(await later.FollowAsync(accepted)).Code);
        using var another = factory.NewBrowser();
        var oldBackupCode = await SecondFactorPage.ReadAsync(another, await TwoFactorJourneys.PasswordAsync(another, client.NewAuthorizationRequest(), enrolled.User));
        Assert.Contains("wrong", (await oldBackupCode.SubmitExpectingFailureAsync(enrolled.BackupCodes[0])).CodeError, StringComparison.Ordinal);
    }
}
