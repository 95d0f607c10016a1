using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.AccountNotifications;
using ClinikoIdP.Server.Features.Email;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>What the notification tests share: reading what was queued and delivered, and a browser seen from elsewhere.</summary>
public static class NotificationMail
{
    public const string WindowsChrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <summary>The messages of one kind queued for an address, delivered or not (the outbox is the record of what was sent).</summary>
    public static Task<List<OutboxEmailRecord>> QueuedAsync(IdpFactory factory, string to, string kind) =>
        factory.QueryAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.Recipient == to && m.Kind == kind).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Every message queued for an address, of any kind.</summary>
    public static Task<List<OutboxEmailRecord>> AllQueuedAsync(IdpFactory factory, string to) =>
        factory.QueryAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.Recipient == to).OrderBy(m => m.Id).ToListAsync());

    /// <summary>
    /// Waits for the message and checks it: the heading in both bodies, every other part (facts such as
    /// "When: …" included) in the plain text, where they read as lines.
    /// </summary>
    public static async Task<MimeMessage> ReceiveAsync(EmailIdpFactory factory, string to, string subject, string heading, params string[] parts)
    {
        var message = await factory.Mail.WaitForAsync(to, subject);
        Assert.Contains(heading, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(heading), message.HtmlBody, StringComparison.Ordinal);
        foreach (var part in parts)
        {
            Assert.Contains(part, message.TextBody, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>The "When" line a message about the user's latest event of this kind must carry (the factory's zone is UTC).</summary>
    public static async Task<string> WhenLineAsync(IdpFactory factory, string email, string eventKind)
    {
        var occurredAt = await factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Email == email && e.Kind == eventKind).OrderByDescending(e => e.Id).Select(e => e.OccurredAt).FirstAsync());
        return "When: " + NotificationTime.Format(occurredAt, TimeZoneInfo.Utc, NotificationTime.Utc);
    }

    /// <summary>
    /// The same browser (its cookies) seen as a person's computer would be: from an address (through the trusted
    /// proxy's X-Forwarded-For) with a real browser's user agent.
    /// </summary>
    public static HttpClient FromElsewhere(IdpFactory factory, Browser browser, string ipAddress, string userAgent = WindowsChrome)
    {
        var client = factory.CreateDefaultClient(IdpFactory.BaseAddress, new CookieContainerHandler(browser.Cookies));
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ipAddress);
        return client;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, HtmlForm form) =>
        client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));

    /// <summary>Polls until the probe returns something (delivery runs on the server's worker, in the background).</summary>
    public static async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe)
    {
        for (var i = 0; i < 150; i++)
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
