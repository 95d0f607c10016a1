using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using Microsoft.EntityFrameworkCore;
using static ClinikoIdP.IntegrationTests.Email.PasswordResetSteps;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// Someone who forgot their password resets it from the sign-in page: the link comes by email (read from a real SMTP
/// server), and the new password counts only once their second factor has passed.
/// </summary>
public sealed class PasswordResetJourneyTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task AResetStillAsksForTheSecondFactorThenSignsInToTheAppAndEndsEverythingElse()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var user = enrolled.User;
        var client = await factory.StandardClientAsync();
        using var elsewhere = factory.NewBrowser();
        var elsewhereRequest = client.NewAuthorizationRequest();
        var elsewhereResponse = AuthorizationResponse.FromRedirect(
            await TwoFactorJourneys.SignInWithCodeAsync(elsewhere, elsewhereRequest, user, enrolled.App.Code()));
        var (elsewhereTokens, _) = await TwoFactorJourneys.RedeemAsync(client, elsewhereRequest, elsewhereResponse);
        factory.Clock.Advance(AuthenticatorApp.Step);

        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var forgotLink = signIn.Document.QuerySelector($"a[href^='{PasswordResetRoutes.ForgotPassword}']")?.GetAttribute("href");
        Assert.NotNull(forgotLink);
        var forgot = await PageDocument.ReadAsync(await browser.GetAsync(forgotLink), PasswordResetRoutes.ForgotPassword);
        var asked = await SubmitAsync(browser, forgot, user.Email);
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        var sent = await PageDocument.ReadAsync(await browser.FollowAsync(asked), PasswordResetRoutes.Sent);
        Assert.Equal("Check your email", sent.Heading);

        var email = await WaitForEmailAsync(factory, user.Email);
        Assert.Equal("Riverside Clinic: Reset your password", email.Subject);
        Assert.Contains("within 30 minutes", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("authenticator app", email.TextBody, StringComparison.Ordinal);
        var link = LinkIn(email);
        Assert.Contains("ReturnUrl=", link, StringComparison.Ordinal);

        var page = await OpenLinkAsync(browser, link);
        Assert.DoesNotContain("token", page.Uri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(user.Email, page.Document.QuerySelector("input[autocomplete='username']")?.GetAttribute("value"));
        var chosen = await ChooseAsync(browser, page, NewPassword);
        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        var secondFactor = await SecondFactorPage.ReadAsync(browser, await browser.FollowAsync(chosen));
        Assert.False(browser.HasSessionCookie);
        Assert.Contains("new password takes effect once this code is accepted",
            secondFactor.Page.Document.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);

        var verified = await secondFactor.SubmitAsync(enrolled.App.Code());
        Assert.Equal(HttpStatusCode.SeeOther, verified.StatusCode);
        var response = AuthorizationResponse.FromRedirect(await browser.FollowAsync(verified));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);
        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));

        Assert.False(await PasswordWorksAsync(factory, user.Email, user.Password));
        Assert.True(await PasswordWorksAsync(factory, user.Email, NewPassword));
        Assert.False(await IsSignedInAsync(elsewhere));
        Assert.Equal("invalid_grant", (await client.RefreshAsync(elsewhereTokens.RefreshToken!)).Error);
        var events = await AuditTrail.EventsOfAsync(factory, user);
        Assert.Single(events, e => e.Kind == SecurityEventKinds.PasswordResetRequested && e.Outcome == SecurityEventOutcomes.Succeeded);
        Assert.Single(events, e => e.Kind == SecurityEventKinds.PasswordReset && e.Outcome == SecurityEventOutcomes.Succeeded);
        var account = await AuditTrail.AccountOfAsync(factory, user);
        Assert.Contains(await factory.QueryAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == account.Id).ToListAsync()),
            s => s.EndReason == SessionEndReasons.PasswordReset);
    }

    [Fact]
    public async Task WithoutTheSecondFactorTheOldPasswordStaysAndTheNewOneNeverApplies()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var user = enrolled.User;
        var link = await RequestLinkAsync(factory, user.Email);
        using var browser = factory.NewBrowser();

        var secondFactor = await SecondFactorPage.ReadAsync(browser, await ResetAsync(browser, link));
        var refused = await secondFactor.SubmitExpectingFailureAsync(enrolled.App.WrongCode());
        Assert.NotEqual("", refused.CodeError);
        Assert.False(browser.HasSessionCookie);

        Assert.True(await PasswordWorksAsync(factory, user.Email, user.Password));
        Assert.False(await PasswordWorksAsync(factory, user.Email, NewPassword));

        // Even the right code, once the partly-signed-in step has expired, applies nothing.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var late = await refused.SubmitAsync(enrolled.App.Code());
        Assert.Equal(SignInPage.Path, Browser.LocationOf(late).AbsolutePath);
        Assert.False(browser.HasSessionCookie);
        Assert.True(await PasswordWorksAsync(factory, user.Email, user.Password));
        Assert.False(await PasswordWorksAsync(factory, user.Email, NewPassword));
        Assert.DoesNotContain(await AuditTrail.EventsOfAsync(factory, user), e => e.Kind == SecurityEventKinds.PasswordReset);
    }

    [Fact]
    public async Task AUserWithoutAnAuthenticatorIsTakenToEnrolmentWithTheNewPassword()
    {
        var user = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);
        using var browser = factory.NewBrowser();

        var landed = await ResetAsync(browser, link);

        await EnrolmentPage.ReadAsync(browser, landed);
        Assert.False(browser.HasSessionCookie);
        Assert.False(await PasswordWorksAsync(factory, user.Email, user.Password));
        Assert.True(await PasswordWorksAsync(factory, user.Email, NewPassword));
        Assert.Single(await AuditTrail.EventsOfAsync(factory, user), e => e.Kind == SecurityEventKinds.PasswordReset);
    }

    [Fact]
    public async Task AResetLiftsTheLockoutAfterFailedPasswordsButNotAnAdministratorsLock()
    {
        var user = await Seed.UserAsync(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.False(await PasswordWorksAsync(factory, user.Email, "not the right password at all"));
        }

        using var browser = factory.NewBrowser();
        await EnrolmentPage.ReadAsync(browser, await ResetAsync(browser, await RequestLinkAsync(factory, user.Email)));
        Assert.True(await PasswordWorksAsync(factory, user.Email, NewPassword));

        var locked = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, locked.Email);
        await factory.AdminOkAsync("user", "lock", "--email", locked.Email);
        using var lockedBrowser = factory.NewBrowser();
        // The lock voided the link sent before it.
        var page = await OpenLinkAsync(lockedBrowser, link);
        Assert.Equal(UnusableHeading, page.Heading);
        Assert.Empty(page.Document.QuerySelectorAll("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task WhileFailedAttemptsLockTheAccountTheLinkIsKeptForWhenTheSecondFactorCanPass()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var user = enrolled.User;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.False(await PasswordWorksAsync(factory, user.Email, "not the right password at all"));
        }

        using var browser = factory.NewBrowser();
        var page = await OpenLinkAsync(browser, await RequestLinkAsync(factory, user.Email));
        var refused = await PageDocument.ReadAsync(await ChooseAsync(browser, page, NewPassword), PasswordResetRoutes.ResetPassword);
        Assert.Contains("locked for a few minutes", refused.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);

        // Identity times lockouts by the real clock, so the lockout ends the way an administrator ends it early.
        await factory.AdminOkAsync("user", "unlock", "--email", user.Email);
        var chosen = await ChooseAsync(browser, refused, NewPassword);
        var secondFactor = await SecondFactorPage.ReadAsync(browser, await browser.FollowAsync(chosen));
        await browser.FollowAsync(await secondFactor.SubmitAsync(enrolled.App.Code()));
        Assert.True(await IsSignedInAsync(browser));
        Assert.True(await PasswordWorksAsync(factory, user.Email, NewPassword));
    }
}
