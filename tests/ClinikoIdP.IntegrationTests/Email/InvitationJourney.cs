using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.TestSupport;
using MimeKit;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>The steps of an invitation as people take them: sent from the console, read from the mail server, accepted.</summary>
public static class InvitationJourney
{
    public const string LinkPrefix = "https://localhost/invitation?token=";

    public const string Subject = "invited";

    public static TestUser NewInvitee(string name = "Nurse Robin Hale")
    {
        var id = Seed.UniqueId("invitee");
        return new TestUser($"{id}@clinic.test", $"amber meadow {id} kettle", name);
    }

    /// <summary>Fills in the console's invitation form and follows on to the new staff member's page.</summary>
    public static async Task<PageDocument> InviteInConsoleAsync(AdminConsole console, TestUser invitee, bool administrator = false)
    {
        var form = (await console.OpenAsync(StaffRoutes.Invite)).FormWith("[name='Input.Email']")
            .Set("Input.DisplayName", invitee.Name).Set("Input.Email", invitee.Email);
        if (administrator)
        {
            form.Check("Input.Administrator");
        }

        return await StaffConsole.SubmitAndFollowAsync(console, form);
    }

    /// <summary>Waits for the invitation to reach the mail server and returns it.</summary>
    public static Task<MimeMessage> EmailAsync(EmailIdpFactory factory, string to) => factory.Mail.WaitForAsync(to, Subject);

    /// <summary>The link in the first invitation the person received.</summary>
    public static async Task<string> LinkAsync(EmailIdpFactory factory, string to) =>
        LoopbackSmtpServer.LinkIn(await EmailAsync(factory, to), LinkPrefix);

    /// <summary>Waits for an invitation whose link differs from every one already seen (a resend) and returns that link.</summary>
    public static async Task<string> NewerLinkAsync(EmailIdpFactory factory, string to, params string[] seen)
    {
        var message = await factory.Mail.WaitForAsync(m =>
            m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
            && (m.Subject ?? "").Contains(Subject, StringComparison.OrdinalIgnoreCase)
            && !seen.Contains(LoopbackSmtpServer.LinkIn(m, LinkPrefix)));
        return LoopbackSmtpServer.LinkIn(message, LinkPrefix);
    }

    /// <summary>Opens the emailed link: it must redirect to the page's own address, without the token, and show the page.</summary>
    public static async Task<InvitationPage> OpenAsync(Browser browser, string link)
    {
        var opened = await browser.GetAsync(link);
        if (opened.StatusCode == HttpStatusCode.SeeOther)
        {
            Assert.Equal(InvitationPage.Path, opened.Headers.Location?.OriginalString);
        }

        return await InvitationPage.ReadAsync(browser, await browser.FollowAsync(opened));
    }

    /// <summary>
    /// The invited person's whole first visit: open the link, choose a password, scan the QR code, confirm a code,
    /// save the backup codes and land signed in. The clock then moves a time step so the app shows a fresh code.
    /// </summary>
    public static async Task<EnrolledUser> AcceptAndEnrolAsync(IdpFactory factory, Browser browser, string link, TestUser invitee)
    {
        var page = await OpenAsync(browser, link);
        Assert.True(page.ShowsForm, $"Expected the password form, got '{page.Heading}'.");
        var chosen = await page.SubmitAsync(invitee.Password);
        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        Assert.Equal(EnrolmentPage.Path, Browser.LocationOf(chosen).AbsolutePath);

        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.FollowAsync(chosen));
        var app = enrolment.Scan(factory.Clock);
        var confirmed = await enrolment.SubmitAsync(app.Code());
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var codes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));
        var saved = await codes.ContinueAsync(saved: true);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        await PageDocument.ReadAsync(await browser.FollowAsync(saved), "/");
        Assert.True(browser.HasSessionCookie, "Enrolment should end with a session.");
        factory.Clock.Advance(AuthenticatorApp.Step);
        return new EnrolledUser(invitee, app, codes.Codes);
    }
}
