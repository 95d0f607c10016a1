using System.Net;
using AngleSharp.Html.Dom;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// Issue 10, item 4: the owner of an account is emailed when their second factor is set up, reset or used up, read
/// back from a real SMTP server: what happened, when, from where, and what to do if it was not them.
/// </summary>
public sealed class NotificationTwoFactorTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task SettingUpAnAuthenticatorSendsOneMessageSayingWhatWhenAndWhatToDo()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var email = enrolled.User.Email;

        await NotificationMail.ReceiveAsync(factory, email, "Two-step verification was set up",
            "An authenticator app was set up for your account",
            "any earlier backup codes no longer work",
            "Account: " + email,
            await NotificationMail.WhenLineAsync(factory, email, SecurityEventKinds.AuthenticatorEnrolled),
            "From: ",
            "If this wasn't you, someone knows your password",
            "ask your administrator to lock your account");

        // Enrolment also makes backup codes; the one message says so, rather than a second about the codes.
        Assert.Equal(EmailKinds.AuthenticatorEnrolled, Assert.Single(await NotificationMail.AllQueuedAsync(factory, email)).Kind);
    }

    [Fact]
    public async Task UsingABackupCodeSaysHowManyAreLeft()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();

        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User, enrolled.BackupCodes[0]);
        Assert.Equal(9, (await RemainingBackupCodesPage.ReadAsync(browser, landed)).Left);

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "A backup code was used",
            "A backup code was used to sign in to your account",
            "You have 9 backup codes left.",
            "Backup codes left: 9",
            await NotificationMail.WhenLineAsync(factory, enrolled.User.Email, SecurityEventKinds.BackupCodeUsed),
            "If this wasn't you, someone has your password and one of your backup codes");
    }

    [Fact]
    public async Task MakingNewBackupCodesTellsTheOwner()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        await TwoFactorJourneys.SignInWithCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User, enrolled.App.Code());
        var mySecurity = await PageDocument.ReadAsync(await browser.GetAsync("/my-security"), "/my-security");
        var regenerate = HtmlForm.Read(mySecurity.Document.Forms.OfType<IHtmlFormElement>()
            .Single(f => f.GetAttribute("action")!.Contains("handler=Regenerate", StringComparison.Ordinal)), mySecurity.Uri);

        Assert.Equal(HttpStatusCode.SeeOther, (await regenerate.SubmitAsync(browser)).StatusCode);

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "New backup codes were made",
            "Your earlier backup codes no longer work.",
            await NotificationMail.WhenLineAsync(factory, enrolled.User.Email, SecurityEventKinds.BackupCodesRegenerated),
            "If this wasn't you, someone has signed in to your account");
    }

    [Fact]
    public async Task AnAdministratorsResetTellsTheStaffMemberWhoDidItNotTheAdministrator()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, enrolled.User.Email);

        var confirm = await console.OpenAsync(StaffRoutes.ResetTwoFactor(userId));
        await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-reset-2fa']"), StaffRoutes.Member(userId));

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "Your two-step verification was reset",
            "An administrator reset your two-step verification",
            "you will be asked to set up an authenticator app again",
            $"By: {console.Admin.User.Name}, an administrator",
            await NotificationMail.WhenLineAsync(factory, enrolled.User.Email, SecurityEventKinds.AdminReset2fa),
            "If you didn't ask for this, tell your administrator straight away");
        Assert.Empty(await NotificationMail.QueuedAsync(factory, console.Admin.User.Email, EmailKinds.AuthenticatorReset));
    }

    [Fact]
    public async Task AResetOnTheCommandLineSaysSo()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);

        await factory.AdminOkAsync("user", "reset-2fa", "--email", enrolled.User.Email);
        // The command line queues; the server's worker delivers (here at once rather than at its next poll).
        await factory.DeliverNowAsync();

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "Your two-step verification was reset",
            "An administrator reset your two-step verification",
            "By: An administrator, on the server's command line",
            "From: the server's command line");
    }
}
