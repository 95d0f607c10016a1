using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.EndToEndTests.Stories;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Console;

/// <summary>
/// A practice manager invites a new receptionist from the console; the receptionist reads the email (from a real SMTP
/// server), opens the link in their own browser, chooses a password, sets up an authenticator app and is signed in.
/// </summary>
public sealed class InvitationStory(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdministratorInvitesANewReceptionistWhoSetsUpTheirAccountFromTheEmail()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var receptionist = new StaffMember($"reception.{id}@harbourside.test", $"harbour lantern {id} pebble", $"Jordan Lee {id}");
        var console = await SignInToConsoleAsync(fixture.Server, await fixture.NewPageAsync());

        await console.GotoAsync("/admin/staff");
        await console.GetByRole(AriaRole.Link, new() { Name = "Invite a staff member" }).ClickAsync();
        await Expect(console).ToHaveURLAsync(PathIs("/admin/staff/invite"));
        await console.GetByLabel("Name", new() { Exact = true }).FillAsync(receptionist.Name);
        await console.GetByLabel("Email (their sign-in name)").FillAsync(receptionist.Email);
        await PageChecks.AssertAccessibleAsync(console);
        await Screenshots.CaptureConsoleAsync(console, "40-admin-invite-staff");
        await console.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(console.Locator(".flash")).ToContainTextAsync($"Invitation on its way to {receptionist.Email}");
        await Expect(console.Locator("[data-invitation-panel]")).ToBeVisibleAsync();
        await Screenshots.CaptureConsoleAsync(console, "41-admin-staff-invited");

        // The receptionist's mailbox: the email arrives through the clinic's (loopback) mail server.
        var email = await fixture.Server.Mail!.WaitForAsync(receptionist.Email, "invited");
        Assert.Contains(receptionist.Name, email.TextBody, StringComparison.Ordinal);
        var link = LoopbackSmtpServer.LinkIn(email, new Uri(fixture.Server.BaseAddress, "invitation?token=").ToString());

        // On the receptionist's own computer: a fresh browser opens the link.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page).ToHaveURLAsync(PathIs("/invitation"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {receptionist.Name}");
        await Expect(page.GetByLabel("Your email (your sign-in name)")).ToHaveValueAsync(receptionist.Email);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.AssertFitsPhoneAsync(page);
        await Screenshots.CaptureAsync(page, "42-invitation-choose-password");
        await page.GetByLabel("Choose a password").FillAsync(receptionist.Password);
        await page.GetByLabel("Type it again").FillAsync(receptionist.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password and continue" }).ClickAsync();

        await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        var backupCodes = await BackupCodesPage.ExpectAsync(page);
        Assert.Equal(10, (await backupCodes.ReadCodesAsync()).Count);
        await backupCodes.ConfirmSavedAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/"));
        await Expect(page.Locator("main")).ToContainTextAsync($"You are signed in to ClinikoIdP as {receptionist.Email}");
        await Expect(page.Locator("main")).ToContainTextAsync("two-step verification");
        await Screenshots.CaptureAsync(page, "43-invitation-signed-in");

        // The console now shows an active account with two-step verification.
        await console.ReloadAsync();
        await Expect(console.Locator("[data-invitation-panel]")).ToHaveCountAsync(0);
        await Expect(console.Locator("[data-badge='2fa-on']")).ToBeVisibleAsync();

        // The link has done its job: opened again, anywhere, it explains instead of failing.
        var again = await fixture.NewPageAsync();
        var response = await again.GotoAsync(link);
        Assert.Equal(410, response?.Status);
        await Expect(again.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This invitation link can no longer be used");
        await Screenshots.CaptureAsync(again, "44-invitation-link-used");

        await again.Context.CloseAsync();
        await page.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutEmailTheConsoleExplainsWhatToConfigure()
    {
        await using var offline = new IdpServer(email: false);
        offline.Start();
        var console = await SignInToConsoleAsync(offline, await fixture.NewPageAsync(offline.BaseAddress));

        await console.GotoAsync("/admin/staff/invite");

        await Expect(console.Locator("[data-email-off]")).ToContainTextAsync("Email:Smtp:Host");
        await Expect(console.GetByRole(AriaRole.Link, new() { Name = "Add with an initial password" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(console);
        await PageChecks.AssertFitsTabletAsync(console);
        await Screenshots.CaptureConsoleAsync(console, "45-admin-invite-email-off");
        await console.Context.CloseAsync();
    }

    /// <summary>Creates an administrator, signs them in to /admin, enrols an authenticator on the way; returns the console page.</summary>
    private static async Task<IPage> SignInToConsoleAsync(IdpServer server, IPage page)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var admin = new StaffMember($"practice.manager.{id}@harbourside.test", $"quiet meadow {id} beacon", $"Priya Shah {id}");
        await server.AdminAsync("user", "create", "--email", admin.Email, "--password", admin.Password, "--name", admin.Name, "--admin");
        await page.GotoAsync("/admin");
        await new SignInPage(page).SubmitAsync(admin);
        await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        await (await BackupCodesPage.ExpectAsync(page)).ConfirmSavedAsync();
        await Expect(page).ToHaveURLAsync(PathIs("/admin"));
        return page;
    }

    private static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$");
}
