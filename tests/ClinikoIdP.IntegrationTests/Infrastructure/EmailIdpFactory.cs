using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// The server with email on, the product's default policy (<c>TwoFactor:Enforcement=Always</c>), and a real SMTP
/// server on loopback that keeps what it receives (<see cref="Mail"/>). One per test class.
/// </summary>
public sealed class EmailIdpFactory : IdpFactory, IAsyncLifetime
{
    public const string FromAddress = "no-reply@clinic.example";

    private readonly bool ownsMail;

    public EmailIdpFactory()
        : this(TestDatabase.CreateTemporary(), ownsDatabase: true, LoopbackSmtpServer.Start(), ownsMail: true)
    {
    }

    private EmailIdpFactory(TestDatabase database, bool ownsDatabase, LoopbackSmtpServer mail, bool ownsMail)
        : base(database, ownsDatabase, TwoFactorEnforcement.Always, SettingsFor(mail))
    {
        Mail = mail;
        this.ownsMail = ownsMail;
    }

    /// <summary>A server on an existing database and mail server that both outlive it (to restart a node on the same state).</summary>
    public static EmailIdpFactory On(TestDatabase database, LoopbackSmtpServer mail) =>
        new(database, ownsDatabase: false, mail, ownsMail: false);

    /// <summary>The SMTP server the IdP sends to: read messages, or stop and resume it.</summary>
    public LoopbackSmtpServer Mail { get; }

    /// <summary>Runs one delivery pass now (the worker also runs on its own when a message is queued).</summary>
    public Task<int> DeliverNowAsync() =>
        Services.GetRequiredService<EmailDelivery>().DeliverDueAsync(CancellationToken.None);

    /// <summary>The outbox as stored (tests check what is kept and what is erased).</summary>
    public Task<List<OutboxEmailRecord>> OutboxAsync() =>
        QueryAsync(db => db.OutboxEmails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (ownsMail)
        {
            await Mail.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private static Dictionary<string, string?> SettingsFor(LoopbackSmtpServer mail) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = nameof(SmtpSecurity.None),
        ["Email:Smtp:Timeout"] = "00:00:05",
        ["Email:From"] = FromAddress,
        ["Email:FromName"] = "Riverside Clinic",
    };
}
