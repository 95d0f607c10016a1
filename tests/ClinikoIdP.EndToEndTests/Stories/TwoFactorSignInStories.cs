using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>A staff member's first sign-in (forced enrolment) and a later one without the phone.</summary>
public sealed partial class TwoFactorSignInStories(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NewStaffMemberScansTheQrCodeSavesBackupCodesAndReachesTheClinicApp()
    {
        var member = await StaffMember.CreateAsync(fixture.Server);
        var page = await fixture.NewPageAsync();
        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page);

        var signIn = await SignInPage.OpenAsync(page, request);
        await Screenshots.CaptureAsync(page, "01-sign-in");
        await signIn.SubmitAsync(member);

        // The default policy sends a user without an authenticator straight to enrolment.
        var enrolment = await EnrolmentPage.ExpectAsync(page);
        await Screenshots.CaptureAsync(page, "02-enrolment");
        var scanned = await enrolment.ScanQrCodeAsync();
        var (secret, issuer, label) = IndependentTotp.ParseUri(scanned);
        Assert.StartsWith("otpauth://totp/", scanned, StringComparison.Ordinal);
        Assert.Equal(IdpServer.ClinicName, issuer);
        Assert.Equal($"{IdpServer.ClinicName}:{member.Email}", label);
        Assert.Equal(secret, (await enrolment.SetupKey.InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal));
        await enrolment.ConfirmAsync(IndependentTotp.Code(secret, DateTimeOffset.UtcNow));

        var backupCodes = await BackupCodesPage.ExpectAsync(page);
        var codes = await backupCodes.ReadCodesAsync();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches(BackupCodeShape(), code));
        await Screenshots.CaptureAsync(page, "03-backup-codes");

        var (fileName, text) = await backupCodes.DownloadAsync();
        Assert.EndsWith(".txt", fileName, StringComparison.Ordinal);
        Assert.Equal(codes, BackupCodeShape().Matches(text).Select(match => match.Value));
        Assert.Contains(member.Email, text, StringComparison.Ordinal);

        await PrintedSheet.AssertAsync(page, member);
        await Screenshots.CaptureAsync(page, "04-backup-codes-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await backupCodes.ConfirmSavedAsync();
        var idToken = await fixture.App.RedeemAsync(callback, request);
        Assert.Equal(["mfa", "otp", "pwd"], idToken.Amr.Order(StringComparer.Ordinal));
        Assert.Equal(member.Email, idToken.Email);
    }

    [Fact]
    public async Task StaffMemberWithoutTheirPhoneSignsInWithABackupCodeAndReachesTheClinicApp()
    {
        var enrolled = await Journeys.EnrolNewStaffMemberAsync(fixture);

        // Another day, another browser: no cookies, and the phone is at home.
        var page = await fixture.NewPageAsync();
        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page);
        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(enrolled.Member);
        var twoFactor = await TwoFactorPage.ExpectAsync(page);
        await Screenshots.CaptureAsync(page, "05-two-factor");

        // Typed from the printed sheet the way people do: lower case, spaces for hyphens.
        await twoFactor.SubmitAsync(enrolled.BackupCodes[3].ToLowerInvariant().Replace('-', ' '));
        await Expect(page).ToHaveURLAsync(RemainingPage());
        await Expect(page.Locator("main")).ToContainTextAsync("9 backup codes left");
        await Screenshots.CaptureAsync(page, "06-backup-codes-remaining");
        await PageChecks.AssertFitsPhoneAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();

        var idToken = await fixture.App.RedeemAsync(callback, request);
        Assert.Contains("mfa", idToken.Amr);
        Assert.Contains("rc", idToken.Amr);
        Assert.DoesNotContain("otp", idToken.Amr);

        await page.GotoAsync("/my-security");
        await Expect(page.Locator("main")).ToContainTextAsync("9 of 10");
        await Screenshots.CaptureAsync(page, "07-my-security");
        await PageChecks.AssertFitsPhoneAsync(page);

        // The account menu is plain HTML (no script), so it opens under a strict CSP.
        await page.GetByText("My info").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My security" })).ToBeVisibleAsync();
        await Screenshots.CaptureAsync(page, "08-account-menu");

        await page.GotoAsync("/my-security/password");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change your password");
        await PageChecks.AssertAccessibleAsync(page);
        await Screenshots.CaptureAsync(page, "10-change-password");
    }

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex BackupCodeShape();

    [GeneratedRegex("/backup-codes/remaining\\b")]
    private static partial Regex RemainingPage();
}
