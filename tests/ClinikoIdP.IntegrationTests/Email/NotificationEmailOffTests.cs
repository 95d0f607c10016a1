using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// Issue 10, items 1 and 4 with no mail server configured: every action that would notify someone still works and
/// nothing is queued; the console's email page says what to set instead of offering a test that cannot work.
/// </summary>
public sealed class NotificationEmailOffTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task WithEmailOffEveryNotifyingActionStillSucceedsAndNothingIsQueued()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var guessedAt = await Seed.UserAsync(factory);
        var lockedByAdmin = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            signIn = await signIn.SubmitExpectingFailureAsync(guessedAt.Email, $"guess {attempt}");
        }

        await signIn.SubmitExpectingFailureAsync(guessedAt.Email, guessedAt.Password);
        await factory.AdminOkAsync("user", "reset-2fa", "--email", guessedAt.Email);
        var userId = await StaffConsole.UserIdAsync(factory, lockedByAdmin.Email);
        var confirm = await console.OpenAsync(StaffRoutes.Lock(userId));
        var member = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-lock']"), StaffRoutes.Member(userId));

        Assert.Contains("is locked out", AdminConsole.Flash(member), StringComparison.Ordinal);
        Assert.NotNull((await AuditTrail.AccountOfAsync(factory, guessedAt)).LockoutEnd);
        Assert.Contains(await AuditTrail.EventsOfAsync(factory, console.Admin.User), e => e.Kind == SecurityEventKinds.AuthenticatorEnrolled);
        Assert.Equal(0, await factory.QueryAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task WithEmailOffTheEmailPageSaysWhatToSetAndRefusesATest()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await console.OpenAsync(AdminRoutes.Email);

        Assert.NotNull(page.Document.QuerySelector("[data-email='off']"));
        var text = page.Document.Body!.TextContent;
        foreach (var key in new[] { "Email:Smtp:Host", "Email:Smtp:Port", "Email:Smtp:Security", "Email:Smtp:UserName", "Email:Smtp:Password", "Email:From", "Email:FromName" })
        {
            Assert.Contains(key, text, StringComparison.Ordinal);
        }

        var send = page.FormWith("button[type='submit'][disabled]");
        var refused = await console.SubmitAsync(send);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageDocument.ReadAsync(refused, AdminRoutes.Email);
        Assert.Contains("Email is off", shown.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.OutboxEmails.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKinds.AdminTestEmailSent)));
    }
}
