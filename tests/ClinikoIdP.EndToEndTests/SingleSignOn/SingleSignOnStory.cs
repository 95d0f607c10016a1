using System.Diagnostics;
using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.EndToEndTests.Stories;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.SingleSignOn;

/// <summary>
/// The samples' promise, in a real browser against the real apps: sign in once (password and authenticator) in
/// Appointments, walk into Billing without a prompt, sign out in Billing and be signed out of Appointments too.
/// </summary>
public sealed class SingleSignOnStory(ClinicEstate estate) : IClassFixture<ClinicEstate>
{
    private static readonly string[] PromptPaths = ["/signin", "/two-factor", "/enrol", "/backup-codes"];

    [Fact]
    public async Task StaffMemberSignsInOnceUsesBothAppsAndSigningOutOfBillingSignsOutOfAppointments()
    {
        var member = await StaffMember.CreateAsync(estate.Idp);
        var page = await estate.NewPageAsync();
        var visits = NavigationLog.Attach(page.Context);

        await SignInToAppointmentsWithEnrolmentAsync(page, member);
        await ExpectAppointmentsAsync(page, member);

        visits.Clear();
        await page.GotoAsync(estate.Billing.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText(member.Email, new() { Exact = true })).ToBeVisibleAsync();
        var atIdp = visits.PathsAt(estate.Idp.BaseAddress);
        Assert.Contains("/connect/authorize", atIdp);
        Assert.DoesNotContain(atIdp, path => PromptPaths.Any(prompt => path.StartsWith(prompt, StringComparison.OrdinalIgnoreCase)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(estate.Billing.Url("signed-out").ToString(), new() { Timeout = 30_000 });

        await ExpectAppointmentsToSendToSignInAsync(page, TimeSpan.FromSeconds(20));
    }

    /// <summary>Appointments → ClinikoIdP: password, authenticator set-up from the QR code, backup codes saved.</summary>
    private async Task SignInToAppointmentsWithEnrolmentAsync(IPage page, StaffMember member)
    {
        await page.GotoAsync(estate.Appointments.BaseAddress.ToString());
        await Expect(page).ToHaveURLAsync(IdpPage("/signin"), new() { Timeout = 30_000 });
        await new SignInPage(page).SubmitAsync(member);
        await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        await (await BackupCodesPage.ExpectAsync(page)).ConfirmSavedAsync();
    }

    /// <summary>Back in Appointments: who is signed in, and patient names that came from the API with her token.</summary>
    private async Task ExpectAppointmentsAsync(IPage page, StaffMember member)
    {
        await Expect(page).ToHaveURLAsync(estate.Appointments.BaseAddress.ToString(), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today's appointments" })).ToBeVisibleAsync();
        await Expect(page.GetByText(member.Email, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Amelia Hart" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Patient names are unavailable")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The IdP's back-channel sender polls every second; until its logout token reaches Appointments the old cookie
    /// still works, so keep asking Appointments until it sends the browser to ClinikoIdP's sign-in page.
    /// </summary>
    private async Task ExpectAppointmentsToSendToSignInAsync(IPage page, TimeSpan patience)
    {
        var signIn = IdpPage("/signin");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await page.GotoAsync(estate.Appointments.BaseAddress.ToString());
            if (signIn.IsMatch(page.Url))
            {
                await Expect(new SignInPage(page).Password).ToBeVisibleAsync();
                return;
            }

            Assert.True(clock.Elapsed < patience, $"Appointments still served {page.Url} {patience.TotalSeconds:0} s after signing out of Billing.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private Regex IdpPage(string path) =>
        new("^" + Regex.Escape(new Uri(estate.Idp.BaseAddress, path).ToString()) + "(\\?|$)");
}
