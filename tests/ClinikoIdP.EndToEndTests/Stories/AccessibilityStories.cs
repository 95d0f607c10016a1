using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>
/// The pages a person signs in through work with password managers, one-time-code autofill and screen readers, and
/// fit a phone held upright (375 px) without scrolling sideways.
/// </summary>
public sealed class AccessibilityStories(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignInEnrolmentAndSecondFactorPagesAreLabelledAndFitAPhone()
    {
        var member = await StaffMember.CreateAsync(fixture.Server);
        var page = await fixture.NewPageAsync(BrowserFixture.Mobile);
        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page.Context);

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
        await Journeys.ScanAndConfirmAsync(enrolment);

        var backupCodes = await BackupCodesPage.ExpectAsync(page);
        await PageChecks.AssertAccessibleAsync(page);
        await backupCodes.ConfirmSavedAsync();
        await callback;

        var later = await fixture.NewPageAsync(BrowserFixture.Mobile);
        await (await SignInPage.OpenAsync(later, fixture.App.NewSignInRequest())).SubmitAsync(member);
        var twoFactor = await TwoFactorPage.ExpectAsync(later);
        await Expect(twoFactor.Code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await PageChecks.AssertAccessibleAsync(later);
    }
}
