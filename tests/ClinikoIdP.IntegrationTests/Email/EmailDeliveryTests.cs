using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>The outbox and its delivery to a real SMTP server: arrival, retries, giving up, restarts, several senders.</summary>
public sealed class EmailDeliveryTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task QueuedMessageArrivesOverSmtpInTextAndHtmlUnderTheBrand()
    {
        Assert.True(await EnqueueAsync(factory, "delivery-1@clinic.example"));

        var message = await factory.Mail.WaitForAsync("delivery-1@clinic.example", "Hello");

        Assert.Equal("Riverside Clinic: Hello", message.Subject);
        Assert.Equal(EmailIdpFactory.FromAddress, message.From.Mailboxes.Single().Address);
        Assert.Equal("Riverside Clinic", message.From.Mailboxes.Single().Name);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Contains("First paragraph & <b>not bold</b>.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("First paragraph &amp; &lt;b&gt;not bold&lt;/b&gt;.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("https://id.clinic.example/x?token=abc", LoopbackSmtpServer.LinkIn(message, "https://id.clinic.example/"));
    }

    [Fact]
    public async Task BodyIsEncryptedWhileQueuedAndErasedOnceSent()
    {
        await StageWithoutWakingAsync(factory, "delivery-2@clinic.example");
        var queued = (await factory.OutboxAsync()).Single(m => m.Recipient == "delivery-2@clinic.example");
        Assert.DoesNotContain("First paragraph", queued.ProtectedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", queued.ProtectedBody, StringComparison.Ordinal);

        await factory.DeliverNowAsync();
        await factory.Mail.WaitForAsync("delivery-2@clinic.example", "Hello");

        var sent = await WaitForAsync(factory, "delivery-2@clinic.example", m => m.SentAt is not null);
        Assert.Null(sent.ProtectedBody);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Equal("Riverside Clinic: Hello", sent.Subject);
    }

    [Fact]
    public async Task MailServerDownThenUpDeliversTheMessageExactlyOnce()
    {
        const string to = "delivery-3@clinic.example";
        await factory.Mail.StopAsync();
        try
        {
            Assert.True(await EnqueueAsync(factory, to));
            await factory.DeliverNowAsync();
            var deferred = await WaitForAsync(factory, to, m => m.Attempts >= 1);
            Assert.Null(deferred.SentAt);
            Assert.Null(deferred.AbandonedAt);
            Assert.NotNull(deferred.LastError);
            Assert.NotNull(deferred.ProtectedBody);
        }
        finally
        {
            factory.Mail.Resume();
        }

        // Not due yet: nothing goes out before the retry delay has passed.
        await factory.DeliverNowAsync();
        Assert.Empty(factory.Mail.To(to));

        factory.Clock.Advance(EmailDelivery.RetryDelay(1) + TimeSpan.FromSeconds(1));
        await factory.DeliverNowAsync();
        await factory.Mail.WaitForAsync(to, "Hello");

        // Only once the sender has recorded the delivery: a jump of the clock past its lock while it is still between
        // the mail server's answer and that record would let another round take the message again (a test artefact:
        // real time does not jump an hour).
        var sent = await WaitForAsync(factory, to, m => m.SentAt is not null);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.DeliverNowAsync();
        Assert.Single(factory.Mail.To(to));
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task SeveralSendersAtOnceSendEachMessageOnce()
    {
        var recipients = Enumerable.Range(0, 6).Select(i => $"delivery-4-{i}@clinic.example").ToList();
        foreach (var to in recipients)
        {
            await StageWithoutWakingAsync(factory, to);
        }

        // Three passes at once play three nodes polling the same outbox.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(factory.DeliverNowAsync)));
        await factory.DeliverNowAsync();

        foreach (var to in recipients)
        {
            await factory.Mail.WaitForAsync(to, "Hello");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.All(recipients, to => Assert.Single(factory.Mail.To(to)));
    }

    [Fact]
    public async Task RecipientRefusedForGoodIsGivenUpAtOnce()
    {
        var to = "nobody@" + LoopbackSmtpServer.UndeliverableDomain;
        Assert.True(await EnqueueAsync(factory, to));
        await factory.DeliverNowAsync();

        var abandoned = await WaitForAsync(factory, to, m => m.AbandonedAt is not null);
        Assert.Equal(1, abandoned.Attempts);
        Assert.Null(abandoned.ProtectedBody);
        Assert.Contains("550", abandoned.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadMailServerIsRetriedWithGrowingDelaysThenGivenUp()
    {
        const string to = "delivery-5@clinic.example";
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value;
        await factory.Mail.StopAsync();
        try
        {
            Assert.True(await EnqueueAsync(factory, to));
            for (var attempt = 1; attempt <= options.MaxDeliveryAttempts; attempt++)
            {
                await factory.DeliverNowAsync();
                var record = await WaitForAsync(factory, to, m => m.Attempts >= attempt);
                if (attempt < options.MaxDeliveryAttempts)
                {
                    Assert.Null(record.AbandonedAt);
                    factory.Clock.Advance(EmailDelivery.RetryDelay(attempt) + TimeSpan.FromSeconds(1));
                }
            }

            var givenUp = await WaitForAsync(factory, to, m => m.AbandonedAt is not null);
            Assert.Equal(options.MaxDeliveryAttempts, givenUp.Attempts);
            Assert.Null(givenUp.ProtectedBody);
        }
        finally
        {
            factory.Mail.Resume();
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.DeliverNowAsync();
        Assert.Empty(factory.Mail.To(to));
    }

    internal static readonly EmailContent Hello = new("Hello", "Hello from the clinic", ["First paragraph & <b>not bold</b>."])
    {
        Action = new EmailAction("Open", "https://id.clinic.example/x?token=abc"),
        Facts = [new("When", "today")],
        Closing = "If this was not you, tell your administrator.",
    };

    internal static async Task<bool> EnqueueAsync(IdpFactory server, string to)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailOutbox>().EnqueueAsync("test", null, to, Hello, CancellationToken.None);
    }

    /// <summary>Queues without waking the worker, so the test decides when delivery runs.</summary>
    internal static async Task StageWithoutWakingAsync(IdpFactory server, string to)
    {
        await using var scope = server.Services.CreateAsyncScope();
        Assert.True(scope.ServiceProvider.GetRequiredService<EmailOutbox>().Stage("test", null, to, Hello));
        await scope.ServiceProvider.GetRequiredService<Server.Data.IdpDbContext>().SaveChangesAsync();
    }

    internal static async Task<OutboxEmailRecord> WaitForAsync(IdpFactory server, string to, Func<OutboxEmailRecord, bool> condition)
    {
        // Generous: an attempt against a stopped server can take a connection timeout on a busy machine.
        for (var i = 0; i < 300; i++)
        {
            var record = await server.QueryAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.Recipient == to).SingleOrDefaultAsync());
            if (record is not null && condition(record))
            {
                return record;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The outbox entry for {to} never reached the expected state.");
    }
}
