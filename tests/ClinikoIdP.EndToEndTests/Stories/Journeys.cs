using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>Steps that several stories start from, composed of the page objects.</summary>
public static class Journeys
{
    /// <summary>Scans the QR code as drawn, and types the code an authenticator app would show now.</summary>
    public static async Task<(string Secret, string Code)> ScanAndConfirmAsync(EnrolmentPage enrolment)
    {
        var (secret, _, _) = IndependentTotp.ParseUri(await enrolment.ScanQrCodeAsync());
        var code = IndependentTotp.Code(secret, DateTimeOffset.UtcNow);
        await enrolment.ConfirmAsync(code);
        return (secret, code);
    }

    /// <summary>A new staff member follows a clinic app's sign-in link, enrols, saves the codes and reaches the app.</summary>
    public static async Task<EnrolledStaffMember> EnrolNewStaffMemberAsync(BrowserFixture fixture)
    {
        var member = await StaffMember.CreateAsync(fixture.Server);
        var page = await fixture.NewPageAsync();
        var enrolled = await SignInWithEnrolmentAsync(fixture, page, member);
        await page.Context.CloseAsync();
        return enrolled;
    }

    /// <summary>
    /// <paramref name="member"/>, who has no authenticator yet, signs in to the clinic app on <paramref name="page"/>:
    /// password, authenticator set-up, backup codes saved, code redeemed. The page stays signed in.
    /// </summary>
    public static async Task<EnrolledStaffMember> SignInWithEnrolmentAsync(BrowserFixture fixture, IPage page, StaffMember member)
    {
        var request = fixture.App.NewSignInRequest();
        var callback = await fixture.App.ExpectCallbackAsync(page);

        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(member);
        var (secret, _) = await ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        var backupCodes = await BackupCodesPage.ExpectAsync(page);
        var codes = await backupCodes.ReadCodesAsync();
        await backupCodes.ConfirmSavedAsync();
        await fixture.App.RedeemAsync(callback, request);
        return new EnrolledStaffMember(member, secret, codes);
    }
}
