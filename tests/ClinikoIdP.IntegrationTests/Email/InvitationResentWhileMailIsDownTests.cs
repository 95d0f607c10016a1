using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.TestSupport;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>A resend replaces an invitation still waiting behind a dead mail server: only the newest one arrives.</summary>
public sealed class InvitationResentWhileMailIsDownTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task OnlyTheNewestInvitationArrivesOnceTheMailServerIsBack()
    {
        var invitee = InvitationJourney.NewInvitee();
        await factory.Mail.StopAsync();
        try
        {
            await factory.AdminOkAsync("user", "invite", "--email", invitee.Email);
            await factory.AdminOkAsync("user", "invite", "--email", invitee.Email);
        }
        finally
        {
            factory.Mail.Resume();
        }

        // The command line queued on the real clock, ahead of the server's test clock; an hour later both are due.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.DeliverNowAsync();
        var email = await factory.Mail.WaitForAsync(invitee.Email, InvitationJourney.Subject);
        await factory.DeliverNowAsync();

        Assert.Single(factory.Mail.To(invitee.Email));
        using var browser = factory.NewBrowser();
        Assert.True((await InvitationJourney.OpenAsync(browser, LoopbackSmtpServer.LinkIn(email, InvitationJourney.LinkPrefix))).ShowsForm);
        var withdrawn = Assert.Single(await factory.OutboxAsync(), m => m.Recipient == invitee.Email && m.AbandonedAt is not null);
        Assert.Null(withdrawn.ProtectedBody);
        Assert.Equal("replaced by a newer message", withdrawn.LastError);
        Assert.Equal(EmailKinds.Invitation, withdrawn.Kind);
    }
}
