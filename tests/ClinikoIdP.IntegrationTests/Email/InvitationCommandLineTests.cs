using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary><c>admin user invite</c>: the same invitation as the console's, delivered by the command itself.</summary>
public sealed class InvitationCommandLineTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task AnInvitationFromTheCommandLineIsDeliveredAndAccepted()
    {
        var invitee = InvitationJourney.NewInvitee("Dr Ada Maple");

        var output = await factory.AdminOkAsync("user", "invite", "--email", invitee.Email, "--name", invitee.Name, "--admin");

        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Invited {invitee.Email} (id ", line, StringComparison.Ordinal);
        Assert.Contains("as administrator: the email was sent. The link works once, until ", line, StringComparison.Ordinal);
        var email = await InvitationJourney.EmailAsync(factory, invitee.Email);
        Assert.Contains("Invited by: an administrator (from the command line)", email.TextBody, StringComparison.Ordinal);
        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, await InvitationJourney.LinkAsync(factory, invitee.Email), invitee);
        Assert.True(await StaffConsole.IsSignedInAsync(browser));
        var userId = await StaffConsole.UserIdAsync(factory, invitee.Email);
        var sent = await factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .SingleAsync(e => e.UserId == userId && e.Kind == SecurityEventKinds.InvitationSent));
        Assert.Null(sent.ActorId);
        Assert.True(await factory.QueryAsync(db => db.UserRoles.AnyAsync(link => link.UserId == userId
            && db.Roles.Any(role => role.Id == link.RoleId && role.Name == "Admin"))));
    }

    [Fact]
    public async Task InvitingAgainSendsANewLinkAndRevokesTheFirst()
    {
        var invitee = InvitationJourney.NewInvitee();
        await factory.AdminOkAsync("user", "invite", "--email", invitee.Email);
        var first = await InvitationJourney.LinkAsync(factory, invitee.Email);

        var output = await factory.AdminOkAsync("user", "invite", "--email", invitee.Email);

        Assert.StartsWith($"Sent {invitee.Email} a new invitation (the earlier link no longer works): the email was sent.", output, StringComparison.Ordinal);
        var second = await InvitationJourney.NewerLinkAsync(factory, invitee.Email, first);
        using var browser = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(browser, first)).AssertUnusable();
        Assert.True((await InvitationJourney.OpenAsync(browser, second)).ShowsForm);
    }

    [Fact]
    public async Task AnAddressThatBelongsToAnActiveAccountFailsWithOneLine()
    {
        var existing = await factory.StandardUserAsync();

        var result = await factory.AdminAsync("user", "invite", "--email", existing.Email);

        CliAssert.Failed(result, 1, "already belongs to an active account");
    }

    [Fact]
    public async Task AnInvalidAddressFailsWithOneLine()
    {
        var result = await factory.AdminAsync("user", "invite", "--email", "not-an-address");

        CliAssert.Failed(result, 1, "not a valid email address");
    }

    [Fact]
    public async Task WithoutTheIssuerItFailsWithOneLineAndCreatesNothing()
    {
        var email = Seed.UniqueId("no-issuer") + "@clinic.test";
        var settings = new Dictionary<string, string?>(factory.Settings) { ["IdP:Issuer"] = "" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AdminCommandLine.RunAsync(["admin", "user", "invite", "--email", email], output, error, settings);

        CliAssert.Failed(new CliResult(exitCode, output.ToString(), error.ToString()), 1, "IdP:Issuer");
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task HelpDescribesTheVerbAndItsOptions()
    {
        var result = await factory.AdminAsync("user", "invite", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("single-use link", result.Output, StringComparison.Ordinal);
        Assert.Contains("--email", result.Output, StringComparison.Ordinal);
        Assert.Contains("--name", result.Output, StringComparison.Ordinal);
        Assert.Contains("--admin", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheMailServerIsDownTheInvitationWaitsAndIsDeliveredOnce()
    {
        var invitee = InvitationJourney.NewInvitee();
        await factory.Mail.StopAsync();
        string output;
        try
        {
            output = await factory.AdminOkAsync("user", "invite", "--email", invitee.Email);
        }
        finally
        {
            factory.Mail.Resume();
        }

        Assert.Contains("the email is queued", output, StringComparison.Ordinal);
        Assert.Empty(factory.Mail.To(invitee.Email));

        // The server's worker retries once the delay has passed (the command ran on the real clock, the server on a fake one).
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.DeliverNowAsync();
        await InvitationJourney.EmailAsync(factory, invitee.Email);
        await factory.DeliverNowAsync();
        Assert.Single(factory.Mail.To(invitee.Email));
    }

    [Fact]
    public async Task AnInvitedAdministratorDoesNotCountAsOneWhoCanSignIn()
    {
        var admin = Seed.UniqueId("sole-admin") + "@clinic.test";
        await factory.AdminOkAsync("user", "create", "--email", admin, "--password", "steady harbour sole compass", "--admin");
        await StaffConsole.LeaveOnlyAdministratorAsync(factory, admin);
        await factory.AdminOkAsync("user", "invite", "--email", InvitationJourney.NewInvitee().Email, "--admin");

        var result = await factory.AdminAsync("user", "lock", "--email", admin);

        CliAssert.Failed(result, 1, "only administrator who can sign in");
    }
}
