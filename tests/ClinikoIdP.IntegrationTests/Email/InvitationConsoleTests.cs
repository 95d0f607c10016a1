using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>An administrator invites staff from the console; the invitation is read back from a real SMTP server.</summary>
public sealed class InvitationConsoleTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task AnInvitedReceptionistChoosesAPasswordEnrolsAndIsSignedIn()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee("Sam Receptionist");

        var member = await InvitationJourney.InviteInConsoleAsync(console, invitee);

        Assert.Contains($"Invitation on its way to {invitee.Email}", AdminConsole.Flash(member), StringComparison.Ordinal);
        Assert.NotNull(member.Document.QuerySelector("[data-badge='invited']"));
        Assert.Equal("live", member.Document.QuerySelector("[data-invitation-link]")?.GetAttribute("data-invitation-link"));
        var email = await InvitationJourney.EmailAsync(factory, invitee.Email);
        Assert.Equal("Riverside Clinic: You're invited to set up your account", email.Subject);
        Assert.Contains("Hello Sam Receptionist", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{console.Admin.User.Name} has created an account for you", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("expires in 72 hours", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("If you weren't expecting this invitation, ignore this email", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Accept the invitation", email.HtmlBody, StringComparison.Ordinal);

        using var browser = factory.NewBrowser();
        var link = await InvitationJourney.LinkAsync(factory, invitee.Email);
        var page = await InvitationJourney.OpenAsync(browser, link);
        Assert.Equal("Welcome, Sam Receptionist", page.Heading);
        Assert.Equal(invitee.Email, page.ShownEmail);
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, link, invitee);
        Assert.True(await StaffConsole.IsSignedInAsync(browser));

        var userId = await StaffConsole.UserIdAsync(factory, invitee.Email);
        var sent = await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.InvitationSent);
        Assert.Equal("invited by email", sent.Detail);
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminUserCreated);
        Assert.Equal(1, await StaffConsole.EventCountAsync(factory, userId, SecurityEventKinds.InvitationAccepted));
        var accepted = await StaffConsole.OpenMemberAsync(console, invitee.Email);
        Assert.Null(accepted.Document.QuerySelector("[data-invitation-panel]"));
        Assert.NotNull(accepted.Document.QuerySelector("[data-badge='2fa-on']"));

        // Later, in another browser: the chosen password works and the authenticator is asked for.
        using var later = factory.NewBrowser();
        var signedIn = await (await SignInPage.OpenAsync(later)).SubmitAsync(invitee.Email, invitee.Password);
        Assert.Equal(SecondFactorPage.Path, Browser.LocationOf(signedIn).AbsolutePath);
    }

    [Fact]
    public async Task AnInvitedAdministratorGetsTheRoleOnceTheyAccept()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee("Dr Practice Manager");

        var member = await InvitationJourney.InviteInConsoleAsync(console, invitee, administrator: true);

        Assert.NotNull(member.Document.QuerySelector("[data-badge='admin']"));
        await StaffConsole.AssertAuditedAsync(console, await StaffConsole.UserIdAsync(factory, invitee.Email), SecurityEventKinds.AdminRoleGranted);
        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, await InvitationJourney.LinkAsync(factory, invitee.Email), invitee);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(StaffRoutes.List)).StatusCode);
    }

    [Fact]
    public async Task ResendingSendsANewLinkAndTheEarlierOneStopsWorking()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee();
        var member = await InvitationJourney.InviteInConsoleAsync(console, invitee);
        var first = await InvitationJourney.LinkAsync(factory, invitee.Email);

        var resent = await console.SubmitWithAsync(member, "[data-action='resend-invitation']");

        Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
        var after = await PageDocument.ReadAsync(await console.Browser.FollowAsync(resent), member.Uri.AbsolutePath);
        Assert.Contains("The earlier link no longer works", AdminConsole.Flash(after), StringComparison.Ordinal);
        var second = await InvitationJourney.NewerLinkAsync(factory, invitee.Email, first);
        using var browser = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(browser, first)).AssertUnusable();
        Assert.True((await InvitationJourney.OpenAsync(browser, second)).ShowsForm);
        var events = await StaffConsole.EventCountAsync(factory, await StaffConsole.UserIdAsync(factory, invitee.Email), SecurityEventKinds.InvitationSent);
        Assert.Equal(2, events);
    }

    [Fact]
    public async Task InvitingAnAddressThatIsStillWaitingSendsANewInvitationInsteadOfASecondAccount()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee();
        await InvitationJourney.InviteInConsoleAsync(console, invitee);
        var first = await InvitationJourney.LinkAsync(factory, invitee.Email);

        var again = await InvitationJourney.InviteInConsoleAsync(console, invitee with { Email = invitee.Email.ToUpperInvariant() });

        Assert.Contains("was already invited", AdminConsole.Flash(again), StringComparison.Ordinal);
        var normalized = invitee.Email.ToUpperInvariant();
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
        await InvitationJourney.NewerLinkAsync(factory, invitee.Email, first);
        using var browser = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(browser, first)).AssertUnusable();
    }

    [Fact]
    public async Task AnAddressThatBelongsToAnActiveAccountIsRefusedBesideTheField()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var existing = await factory.StandardUserAsync();
        var form = (await console.OpenAsync(StaffRoutes.Invite)).FormWith("[name='Input.Email']")
            .Set("Input.DisplayName", "Someone Else").Set("Input.Email", existing.Email);

        var page = await StaffConsole.SubmitExpectingErrorsAsync(console, form);

        Assert.Contains("already signs in with their own password", page.FieldError("Input.Email"), StringComparison.Ordinal);
        Assert.Empty(await factory.QueryAsync(db => db.OutboxEmails.Where(m => m.Recipient == existing.Email).ToListAsync()));
    }

    [Fact]
    public async Task CancellingAnInvitationDeletesTheUnusedAccountAndItsLink()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee();
        var member = await InvitationJourney.InviteInConsoleAsync(console, invitee);
        var link = await InvitationJourney.LinkAsync(factory, invitee.Email);
        var userId = await StaffConsole.UserIdAsync(factory, invitee.Email);

        var confirm = await console.OpenAsync(StaffRoutes.CancelInvitation(userId));
        Assert.NotNull(confirm.Document.QuerySelector("[data-confirm='cancel-invitation']"));
        var list = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-cancel-invitation']"), StaffRoutes.List);

        Assert.Contains("Cancelled", AdminConsole.Flash(list), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        Assert.False(await factory.QueryAsync(db => db.AccountLinks.AnyAsync(l => l.UserId == userId)));
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.InvitationCancelled);
        using var browser = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(browser, link)).AssertUnusable();
        Assert.Equal(HttpStatusCode.NotFound, (await console.Browser.GetAsync(member.Uri.AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task AnAcceptedInvitationCannotBeCancelled()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee();
        await InvitationJourney.InviteInConsoleAsync(console, invitee);
        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, await InvitationJourney.LinkAsync(factory, invitee.Email), invitee);
        var userId = await StaffConsole.UserIdAsync(factory, invitee.Email);

        var confirm = await console.OpenAsync(StaffRoutes.CancelInvitation(userId));
        var posted = await StaffConsole.PostWithTokenAsync(console, await console.OpenAsync(StaffRoutes.Member(userId)), StaffRoutes.CancelInvitation(userId));

        Assert.Null(confirm.Document.QuerySelector("[data-action='confirm-cancel-invitation']"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("already accepted", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
    }

    [Fact]
    public async Task TheStaffListShowsInvitedAccountsUntilTheyAccept()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var invitee = InvitationJourney.NewInvitee();
        await InvitationJourney.InviteInConsoleAsync(console, invitee);
        var search = $"{StaffRoutes.List}?q={Uri.EscapeDataString(invitee.Email)}";

        var waiting = await console.OpenAsync(search + "&filter=invited");
        Assert.NotNull(waiting.Document.QuerySelector($"[data-staff-row='{invitee.Email}'] [data-badge='invited']"));

        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, await InvitationJourney.LinkAsync(factory, invitee.Email), invitee);
        var afterwards = await console.OpenAsync(search + "&filter=invited");
        var everyone = await console.OpenAsync(search);
        Assert.Null(afterwards.Document.QuerySelector($"[data-staff-row='{invitee.Email}']"));
        Assert.Null(everyone.Document.QuerySelector($"[data-staff-row='{invitee.Email}'] [data-badge='invited']"));
    }

    [Fact]
    public async Task CorrectingAMistypedAddressSendsTheInvitationToTheNewOneAndVoidsTheOldLink()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var typo = InvitationJourney.NewInvitee();
        var member = await InvitationJourney.InviteInConsoleAsync(console, typo);
        var strangersLink = await InvitationJourney.LinkAsync(factory, typo.Email);
        var corrected = Seed.UniqueId("corrected") + "@clinic.test";

        var form = member.FormWith("[name='Input.Email']").Set("Input.Email", corrected);
        var saved = await StaffConsole.SubmitAndFollowAsync(console, form);

        Assert.Contains($"A new invitation is on its way to {corrected}", AdminConsole.Flash(saved), StringComparison.Ordinal);
        var link = await InvitationJourney.LinkAsync(factory, corrected);
        using var stranger = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(stranger, strangersLink)).AssertUnusable();
        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, link, typo with { Email = corrected });
    }
}
