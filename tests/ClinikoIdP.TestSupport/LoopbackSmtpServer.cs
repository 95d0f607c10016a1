using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ClinikoIdP.TestSupport;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer library), keeping every message it accepts so tests read
/// back exactly what was sent over the wire. It can be stopped and started again on the same port, to play a mail
/// server that goes down and comes back. It refuses, for good (550), any recipient at <see cref="UndeliverableDomain"/>.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly SemaphoreSlim arrived = new(0);
    private CancellationTokenSource? running;
    private Task? serving;

    public const string UndeliverableDomain = "undeliverable.invalid";

    private LoopbackSmtpServer(int port) => Port = port;

    public int Port { get; }

    public bool IsRunning => running is not null;

    public IReadOnlyList<MimeMessage> Messages => [.. received];

    /// <summary>Starts a server on a free loopback port.</summary>
    public static LoopbackSmtpServer Start()
    {
        var server = new LoopbackSmtpServer(LoopbackPorts.Free());
        server.Resume();
        return server;
    }

    /// <summary>Starts accepting mail again on the same port.</summary>
    public void Resume()
    {
        if (running is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new RefuseUndeliverable());
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    /// <summary>Stops listening: connections are refused until <see cref="Resume"/>.</summary>
    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serving!;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
        serving = null;
    }

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (received.FirstOrDefault(match) is { } message)
            {
                return message;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"No matching email arrived. Received: {string.Join("; ", received.Select(m => $"{m.To} / {m.Subject}"))}");
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(250) ? left : TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Waits for the first message to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/>.</summary>
    public Task<MimeMessage> WaitForAsync(string to, string subjectPart, TimeSpan? timeout = null) =>
        WaitForAsync(m => SentTo(m, to) && (m.Subject ?? "").Contains(subjectPart, StringComparison.OrdinalIgnoreCase), timeout);

    /// <summary>Every message received so far for <paramref name="to"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string to) => [.. received.Where(m => SentTo(m, to))];

    /// <summary>The first absolute link in the message's plain-text body that starts with <paramref name="prefix"/>.</summary>
    public static string LinkIn(MimeMessage message, string prefix)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The message has no plain-text body.");
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No link starting with {prefix} in: {text}");
        }

        var end = text.IndexOfAny([' ', '\r', '\n', '\t'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        arrived.Dispose();
    }

    private static bool SentTo(MimeMessage message, string to) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase));

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            server.arrived.Release();
            return SmtpResponse.Ok;
        }
    }

    private sealed class RefuseUndeliverable : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(
            ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!string.Equals(to.Host, UndeliverableDomain, StringComparison.OrdinalIgnoreCase));
    }
}
