using System.Security.Cryptography;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>
/// Passkeys in a real Chromium with the DevTools virtual authenticator: a staff member adds one on the security page
/// and signs in with it, an app that demands phishing-resistant sign-in steps a code session up to it, and (where
/// the clinic allows it) the passkey signs in on its own.
/// </summary>
public sealed class PasskeyStories(PasskeyBrowserFixture fixture) : IClassFixture<PasskeyBrowserFixture>
{
    [Fact]
    public async Task StaffMemberAddsAPasskeyThenSignsInWithPasswordAndPasskey()
    {
        var (page, authenticator, enrolled) = await StaffMemberWithPasskeyAsync();
        await Expect(new PasskeysPage(page).Rows).ToHaveCountAsync(1);
        await Expect(new PasskeysPage(page).Rows.First).ToContainTextAsync("Front desk laptop");
        await Screenshots.CaptureAsync(page, "passkeys-01-added");

        await page.GotoAsync("/signout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signed-out"));

        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page);
        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(enrolled.Member);
        await TwoFactorPage.ExpectAsync(page);
        await Screenshots.CaptureAsync(page, "passkeys-02-second-step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();

        var idToken = await fixture.App.RedeemAsync(callback, request);
        Assert.Equal(["hwk", "mfa", "pwd"], idToken.Amr.Order(StringComparer.Ordinal));
        Assert.Equal("phr", idToken.Acr);
        Assert.Single(await authenticator.CredentialsAsync());
    }

    [Fact]
    public async Task AppDemandingPhishingResistanceStepsACodeSessionUpToThePasskey()
    {
        var (page, _, _) = await StaffMemberWithPasskeyAsync();
        var strict = await StrictAppAsync();

        // The session so far passed the authenticator code only (adding a passkey does not change that).
        var request = strict.NewSignInRequest();
        var callback = await strict.ExpectCallbackAsync(page);
        await page.GotoAsync(request.Url);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/passkey\\b"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Use your passkey" })).ToBeVisibleAsync();
        await Screenshots.CaptureAsync(page, "passkeys-03-step-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use your passkey" }).ClickAsync();

        var idToken = await strict.RedeemAsync(callback, request);
        Assert.Equal("phr", idToken.Acr);
        Assert.Contains("hwk", idToken.Amr);
    }

    [Fact]
    public async Task PasskeySignsInOnItsOwnWhereTheClinicAllowsIt()
    {
        await fixture.AllowPasswordlessAsync();
        var (page, authenticator, _) = await StaffMemberWithPasskeyAsync();

        // Another browser profile of the same person (the passkey copied across, as a synced passkey would be).
        var other = await fixture.NewPageAsync();
        await authenticator.CopyToAsync(await VirtualAuthenticator.AttachAsync(other));
        await page.Context.CloseAsync();

        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(other);
        await SignInPage.OpenAsync(other, request);
        await Screenshots.CaptureAsync(other, "passkeys-04-sign-in-with-passkey");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();

        var idToken = await fixture.App.RedeemAsync(callback, request);
        Assert.Equal(["hwk", "mfa"], idToken.Amr.Order(StringComparer.Ordinal));
        Assert.Equal("phr", idToken.Acr);
    }

    /// <summary>
    /// An enrolled staff member signs in with a code and adds a passkey on the security page; returns the page (still
    /// signed in) with its virtual authenticator.
    /// </summary>
    private async Task<(IPage Page, VirtualAuthenticator Authenticator, EnrolledStaffMember Enrolled)> StaffMemberWithPasskeyAsync()
    {
        var enrolled = await Journeys.EnrolNewStaffMemberAsync(fixture);
        var page = await fixture.NewPageAsync();
        var authenticator = await VirtualAuthenticator.AttachAsync(page);
        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page);
        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(enrolled.Member);
        await (await TwoFactorPage.ExpectAsync(page)).SubmitAsync(NextCode(enrolled));
        await fixture.App.RedeemAsync(callback, request);

        await (await PasskeysPage.OpenAsync(page)).AddAsync("Front desk laptop");
        return (page, authenticator, enrolled);
    }

    private async Task<ClinicApp> StrictAppAsync()
    {
        var clientId = "records-" + Guid.NewGuid().ToString("N")[..8];
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var app = ClinicApp.ForRegistered(fixture.Server, clientId, secret, ClinicApp.NewLoopbackOrigin());
        await fixture.Server.AdminAsync(
            "client", "create", "--client-id", clientId, "--secret", secret, "--display-name", "Patient Records",
            "--redirect-uri", app.RedirectUri, "--scope", "openid", "--scope", "profile", "--scope", "email",
            "--require-phishing-resistant");
        return app;
    }

    /// <summary>The code of the next time step: enrolment used the current one, and a code works once only.</summary>
    private static string NextCode(EnrolledStaffMember enrolled) =>
        IndependentTotp.Code(enrolled.TotpSecret, DateTimeOffset.UtcNow, stepOffset: 1);
}
