using System.Globalization;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>The console's email page with a working mail server: how mail is sent, and a test message that really arrives.</summary>
public sealed class NotificationAdminEmailPageTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task TheEmailPageShowsHowMailIsSent()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await console.OpenAsync(AdminRoutes.Email);

        Assert.NotNull(page.Document.QuerySelector("[data-email='on']"));
        Assert.Equal($"127.0.0.1:{factory.Mail.Port.ToString(CultureInfo.InvariantCulture)}", Fact(page, "server"));
        Assert.StartsWith("None: mail travels unencrypted", Fact(page, "security"), StringComparison.Ordinal);
        Assert.Equal($"Riverside Clinic <{EmailIdpFactory.FromAddress}>", Fact(page, "from"));
        Assert.Equal("UTC", Fact(page, "time-zone"));
        Assert.NotNull(page.Document.QuerySelector("[data-tile='waiting']"));
        Assert.Null(page.Document.QuerySelector("button[type='submit'][disabled]"));
    }

    [Fact]
    public async Task ATestEmailReachesTheAdministratorAndIsAudited()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync(AdminRoutes.Email);

        var shown = await console.SubmitAndFollowAsync(page.FormWith("button[type='submit']"), AdminRoutes.Email);

        var to = console.Admin.User.Email;
        Assert.Contains($"A test message is on its way to {to}", AdminConsole.Flash(shown), StringComparison.Ordinal);
        await NotificationMail.ReceiveAsync(factory, to, "Test message", "Email from your sign-in service works",
            $"Sent through: 127.0.0.1:{factory.Mail.Port.ToString(CultureInfo.InvariantCulture)}");
        var admin = await StaffConsole.UserIdAsync(factory, to);
        var audited = await factory.QueryAsync(db =>
            db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKinds.AdminTestEmailSent && e.ActorId == admin));
        Assert.Contains(to, audited.Detail, StringComparison.Ordinal);

        await NotificationMail.WaitUntilAsync(async () =>
            (await NotificationMail.QueuedAsync(factory, to, EmailKinds.Test)).SingleOrDefault(m => m.SentAt is not null));
        var after = await console.OpenAsync(AdminRoutes.Email);
        Assert.True(int.Parse(Tile(after, "sent"), CultureInfo.InvariantCulture) >= 1);
    }

    private static string Fact(PageDocument page, string name) =>
        page.Document.QuerySelector($"[data-fact='{name}']")?.TextContent.Trim() ?? "";

    private static string Tile(PageDocument page, string name) =>
        page.Document.QuerySelector($"[data-tile='{name}'] .tile-figure")?.TextContent.Trim() ?? "";
}
