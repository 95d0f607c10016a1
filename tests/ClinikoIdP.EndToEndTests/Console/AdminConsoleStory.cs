using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.EndToEndTests.Stories;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Console;

/// <summary>
/// A new administrator's first hour, in a real browser: sign in with a second factor, register the clinic's app in
/// the console, see a member of staff sign in to that app, then reset that person's two-step verification after they
/// lose their phone, and look around every console page at laptop and tablet widths.
/// </summary>
public sealed partial class AdminConsoleStory(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdministratorRegistersAnAppThatStaffSignInToAndResetsAStaffMembersTwoStepVerification()
    {
        var admin = await CreateAdministratorAsync();
        var console = await fixture.NewPageAsync();
        await SignInToConsoleAsync(console, admin);
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.CaptureConsoleAsync(console, "20-admin-dashboard");

        // Register the clinic's billing app as a confidential web app.
        var origin = ClinicApp.NewLoopbackOrigin();
        var clientId = "billing-" + Guid.NewGuid().ToString("N")[..6];
        await console.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Apps" }).ClickAsync();
        await Expect(console).ToHaveURLAsync(ConsolePath("/admin/clients"));
        await console.GotoAsync("/admin/clients/new");
        await console.GetByLabel("Name", new() { Exact = true }).FillAsync("Harbourside Billing");
        await console.GetByLabel("Client id", new() { Exact = true }).FillAsync(clientId);
        await console.GetByLabel("Redirect URIs", new() { Exact = true }).FillAsync(new Uri(origin, "/callback").ToString());
        await Screenshots.CaptureConsoleAsync(console, "21-admin-register-app");
        await PageChecks.AssertAccessibleAsync(console);
        await console.GetByRole(AriaRole.Button, new() { Name = "Register the app" }).ClickAsync();

        var secretField = console.Locator("#client-secret");
        await Expect(secretField).ToBeVisibleAsync();
        var secret = await secretField.InputValueAsync();
        Assert.True(secret.Length >= 32, "A generated secret carries at least 256 bits.");
        await Screenshots.CaptureConsoleAsync(console, "22-admin-app-secret-once");
        await console.GetByRole(AriaRole.Link, new() { Name = "I've stored it: open the app's page" }).ClickAsync();
        await Expect(console.GetByLabel("Discovery URL", new() { Exact = true }))
            .ToHaveValueAsync(new Uri(fixture.Server.BaseAddress, ".well-known/openid-configuration").ToString());
        await Screenshots.CaptureConsoleAsync(console, "23-admin-app-how-to-connect");

        // A member of staff signs in to the app the administrator just registered (first sign-in: enrolment).
        var billing = ClinicApp.ForRegistered(fixture.Server, clientId, secret, origin);
        var member = await StaffMember.CreateAsync(fixture.Server);
        var staffPage = await fixture.NewPageAsync();
        var request = billing.NewSignInRequest();
        var callback = await billing.ExpectCallbackAsync(staffPage);
        await (await SignInPage.OpenAsync(staffPage, request)).SubmitAsync(member);
        await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(staffPage));
        await (await BackupCodesPage.ExpectAsync(staffPage)).ConfirmSavedAsync();
        var idToken = await billing.RedeemAsync(callback, request);
        Assert.Equal(member.Email, idToken.Email);
        Assert.Contains("mfa", idToken.Amr);
        await staffPage.Context.CloseAsync();

        // The member loses their phone and their printed codes: the administrator resets two-step verification.
        await console.GotoAsync("/admin/staff?q=" + Uri.EscapeDataString(member.Email));
        await Screenshots.CaptureConsoleAsync(console, "24-admin-staff-list");
        await console.GetByRole(AriaRole.Link, new() { Name = member.Name }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(member.Name);
        await Screenshots.CaptureConsoleAsync(console, "25-admin-staff-member");
        await console.Locator("[data-action='reset-2fa']").ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Reset two-step verification");
        await Screenshots.CaptureConsoleAsync(console, "26-admin-reset-2fa-confirm");
        await console.Locator("[data-action='confirm-reset-2fa']").ClickAsync();
        await Expect(console.Locator(".flash")).ToBeVisibleAsync();

        // Their next sign-in, on any computer, goes to setting up an authenticator again.
        var laterPage = await fixture.NewPageAsync();
        await (await SignInPage.OpenAsync(laterPage, billing.NewSignInRequest())).SubmitAsync(member);
        await EnrolmentPage.ExpectAsync(laterPage);
        await laterPage.Context.CloseAsync();

        await TourTheConsoleAsync(console);
    }

    /// <summary>Every console section, checked for labels and sideways scrolling, and kept as screenshots.</summary>
    private static async Task TourTheConsoleAsync(IPage console)
    {
        var sections = new (string Path, string Name)[]
        {
            ("/admin/clients", "27-admin-apps"),
            ("/admin/scopes", "28-admin-scopes"),
            ("/admin/staff", "29-admin-staff"),
            ("/admin/settings", "30-admin-security-settings"),
            ("/admin/keys", "31-admin-signing-keys"),
            ("/admin/audit", "32-admin-audit-trail"),
        };
        foreach (var (path, name) in sections)
        {
            await console.GotoAsync(path);
            await Expect(console).ToHaveURLAsync(ConsolePath(path));
            await PageChecks.AssertAccessibleAsync(console);
            await PageChecks.AssertFitsTabletAsync(console);
            await Screenshots.CaptureConsoleAsync(console, name);
        }

        await Expect(console.Locator("main")).ToContainTextAsync("Intact");
    }

    private async Task<StaffMember> CreateAdministratorAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var admin = new StaffMember($"practice.manager.{id}@harbourside.test", $"quiet meadow {id} beacon", $"Priya Shah {id}");
        await fixture.Server.AdminAsync("user", "create", "--email", admin.Email, "--password", admin.Password, "--name", admin.Name, "--admin");
        return admin;
    }

    /// <summary>Opens /admin, signs in, sets up an authenticator (the console asks for a second factor) and lands on the dashboard.</summary>
    private static async Task SignInToConsoleAsync(IPage page, StaffMember admin)
    {
        await page.GotoAsync("/admin");
        var signIn = new SignInPage(page);
        await signIn.SubmitAsync(admin);
        await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        await (await BackupCodesPage.ExpectAsync(page)).ConfirmSavedAsync();
        await Expect(page).ToHaveURLAsync(ConsolePath("/admin"));
    }

    private static Regex ConsolePath(string path) => new($"{Regex.Escape(path)}(\\?.*)?$");
}
