using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Email;

public sealed class EmailDeliveryTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    private static readonly EmailContent Hello = new("Hello", "Hello from the clinic", ["First paragraph & <b>not bold</b>."])
    {
        Action = new EmailAction("Open", "https://id.clinic.example/x?token=abc"),
        Facts = [new("When", "today")],
        Closing = "If this was not you, tell your administrator.",
    };

    [Fact]
    public async Task QueuedMessageArrivesOverSmtpInTextAndHtmlUnderTheBrand()
    {
        Assert.True(await EnqueueAsync("delivery-1@clinic.example"));

        var message = await factory.Mail.WaitForAsync("delivery-1@clinic.example", "Hello");

        Assert.Equal("Riverside Clinic: Hello", message.Subject);
        Assert.Equal(EmailIdpFactory.FromAddress, message.From.Mailboxes.Single().Address);
        Assert.Contains("First paragraph & <b>not bold</b>.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("First paragraph &amp; &lt;b&gt;not bold&lt;/b&gt;.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("https://id.clinic.example/x?token=abc", ClinikoIdP.TestSupport.LoopbackSmtpServer.LinkIn(message, "https://id.clinic.example/"));
    }

    [Fact]
    public async Task SentMessageKeepsItsEnvelopeAndLosesItsBody()
    {
        Assert.True(await EnqueueAsync("delivery-2@clinic.example"));
        await factory.Mail.WaitForAsync("delivery-2@clinic.example", "Hello");

        var stored = await WaitUntilAsync(async () =>
            (await factory.OutboxAsync()).SingleOrDefault(m => m.Recipient == "delivery-2@clinic.example" && m.SentAt is not null));

        Assert.Null(stored.ProtectedBody);
        Assert.Equal(1, stored.Attempts);
    }

    private async Task<bool> EnqueueAsync(string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailOutbox>().EnqueueAsync("test", null, to, Hello, CancellationToken.None);
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition never held.");
    }
}
