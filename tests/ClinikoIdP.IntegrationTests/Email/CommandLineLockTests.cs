using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.SecurityEvents;
using static ClinikoIdP.IntegrationTests.Email.PasswordResetSteps;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>A lock from the command line is audited, told to its owner, and voids the emailed links sent before it.</summary>
public sealed class CommandLineLockTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task LockFromTheCommandLineVoidsAResetLinkSentBeforeIt()
    {
        var user = await CreateAccountAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);

        await factory.AdminOkAsync("user", "lock", "--email", user.Email);

        using var browser = factory.NewBrowser();
        Assert.Equal(UnusableHeading, (await OpenLinkAsync(browser, link)).Heading);
    }

    [Fact]
    public async Task LockAndUnlockFromTheCommandLineAreInTheAuditTrailAndTheOwnerIsTold()
    {
        var user = await CreateAccountAsync(factory);

        await factory.AdminOkAsync("user", "lock", "--email", user.Email);
        await factory.AdminOkAsync("user", "unlock", "--email", user.Email);

        var events = await AuditTrail.EventsOfAsync(factory, user);
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.AdminUserLocked && e.ActorId == SecurityEventActors.CommandLine);
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.AdminUserUnlocked && e.ActorId == SecurityEventActors.CommandLine);

        // The command line only queues (on the real clock, ahead of the server's test clock); a running server delivers.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.DeliverNowAsync();
        var notice = await factory.Mail.WaitForAsync(user.Email, "locked");
        Assert.Contains("command line", notice.TextBody, StringComparison.Ordinal);
    }
}
