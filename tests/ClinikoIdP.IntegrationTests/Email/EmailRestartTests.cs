using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>What is queued survives the node: a restart (or another node) delivers it, once.</summary>
public sealed class EmailRestartTests
{
    [Fact]
    public async Task RestartedNodeDeliversWhatTheStoppedOneQueued()
    {
        using var database = TestDatabase.CreateTemporary();
        await using var mail = LoopbackSmtpServer.Start();
        const string to = "restart-1@clinic.example";

        await mail.StopAsync();
        await using (var first = EmailIdpFactory.On(database, mail))
        {
            Assert.True(await EmailDeliveryTests.EnqueueAsync(first, to));
            await first.DeliverNowAsync();
            await EmailDeliveryTests.WaitForAsync(first, to, m => m.Attempts == 1 && m.SentAt is null);
        }

        mail.Resume();
        await using var second = EmailIdpFactory.On(database, mail);
        second.Clock.Advance(TimeSpan.FromMinutes(5));
        await second.DeliverNowAsync();

        await mail.WaitForAsync(to, "Hello");
        var sent = await EmailDeliveryTests.WaitForAsync(second, to, m => m.SentAt is not null);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(mail.To(to));
    }

    [Fact]
    public async Task MessageClaimedByANodeThatDiedIsSentOnceTheClaimLapses()
    {
        using var database = TestDatabase.CreateTemporary();
        await using var mail = LoopbackSmtpServer.Start();
        await using var node = EmailIdpFactory.On(database, mail);
        const string to = "restart-2@clinic.example";

        // A node claimed the message and died before sending it.
        await EmailDeliveryTests.StageWithoutWakingAsync(node, to);
        var claimedUntil = node.Clock.GetUtcNow() + TimeSpan.FromMinutes(2);
        await node.QueryAsync(db => db.OutboxEmails.Where(m => m.Recipient == to)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil)));

        Assert.Equal(0, await node.DeliverNowAsync());
        Assert.Empty(mail.To(to));

        node.Clock.Advance(TimeSpan.FromMinutes(3));
        await node.DeliverNowAsync();
        await mail.WaitForAsync(to, "Hello");
        Assert.Single(mail.To(to));
    }
}
