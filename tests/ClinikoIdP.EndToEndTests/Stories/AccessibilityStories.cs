using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>
/// The pages a person signs in through work with password managers, one-time-code autofill and screen readers, and
/// fit a phone held upright (375 px) without scrolling sideways, error messages included.
/// </summary>
public sealed class AccessibilityStories(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignInEnrolmentAndSecondFactorPagesAreLabelledAndFitAPhone()
    {
        var member = await StaffMember.CreateAsync(fixture.Server);
        var page = await fixture.NewPageAsync(BrowserFixture.Mobile);
        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page);

        var signIn = await SignInPage.OpenAsync(page, request);
        await Expect(signIn.Email).ToHaveAttributeAsync("autocomplete", "username");
        await Expect(signIn.Password).ToHaveAttributeAsync("autocomplete", "current-password");
        await Expect(signIn.Password).ToHaveAttributeAsync("type", "password");
        await PageChecks.AssertAccessibleAsync(page);
        await signIn.SubmitAsync(member);

        var enrolment = await EnrolmentPage.ExpectAsync(page);
        await Expect(enrolment.Code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        Assert.False(string.IsNullOrWhiteSpace(await enrolment.QrCode.GetAttributeAsync("alt")));
        await PageChecks.AssertAccessibleAsync(page);
        var (_, usedCode) = await Journeys.ScanAndConfirmAsync(enrolment);

        var backupCodes = await BackupCodesPage.ExpectAsync(page);
        await PageChecks.AssertAccessibleAsync(page);
        await backupCodes.ConfirmSavedAsync();
        await callback.ArrivalAsync();

        var later = await fixture.NewPageAsync(BrowserFixture.Mobile);
        await (await SignInPage.OpenAsync(later, fixture.App.NewSignInRequest())).SubmitAsync(member);
        var twoFactor = await TwoFactorPage.ExpectAsync(later);
        await Expect(twoFactor.Code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await PageChecks.AssertAccessibleAsync(later);

        // A refused code is announced, and the page still fits and is labelled. The code that confirmed the
        // enrolment is always refused: it was consumed, so replaying it is rejected whatever the clock says now.
        await twoFactor.SubmitAsync(usedCode);
        await Expect(later.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong or has already been used");
        await Expect(twoFactor.Code).ToBeEmptyAsync();
        await PageChecks.AssertAccessibleAsync(later);
        await Screenshots.CaptureAsync(later, "09-two-factor-refused");
    }
}
