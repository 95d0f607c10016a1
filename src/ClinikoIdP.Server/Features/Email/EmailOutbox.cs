using System.Text.Json;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Email;

/// <summary>
/// Queues messages for the delivery worker. Queuing is a database insert: it never waits for a mail server. When
/// email is not configured nothing is queued and <see cref="EnqueueAsync"/> says so, so callers can explain.
/// </summary>
public sealed class EmailOutbox(
    IdpDbContext db,
    IDataProtectionProvider dataProtection,
    EmailDeliverySignal signal,
    IOptions<EmailOptions> options,
    IOptions<TwoFactorOptions> twoFactor,
    TimeProvider time)
{
    internal const string ProtectorPurpose = "ClinikoIdP.Email.Outbox.v1";

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>The name messages are signed with: <c>Email:FromName</c>, else the name authenticator apps show.</summary>
    public string Brand => string.IsNullOrWhiteSpace(options.Value.FromName) ? twoFactor.Value.Issuer : options.Value.FromName!;

    /// <summary>Queues one message and commits it; returns false (nothing queued) when email is not configured.</summary>
    public async Task<bool> EnqueueAsync(string kind, ClinicUser? user, string to, EmailContent content, CancellationToken cancellationToken)
    {
        if (!Stage(kind, user, to, content))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return true;
    }

    /// <summary>
    /// Adds a message to the caller's unit of work without saving, for work that must commit together with its
    /// email (an invitation and its link). Call <see cref="Wake"/> after saving.
    /// </summary>
    public bool Stage(string kind, ClinicUser? user, string to, EmailContent content)
    {
        if (!IsConfigured)
        {
            return false;
        }

        var message = BrandedEmail.Render(Brand, to, content);
        var now = time.GetUtcNow();
        db.Set<OutboxEmailRecord>().Add(new OutboxEmailRecord
        {
            Kind = kind,
            UserId = user?.Id,
            Recipient = to,
            Subject = message.Subject.Length <= 256 ? message.Subject : message.Subject[..256],
            ProtectedBody = Protect(dataProtection, message),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }

    public void Wake() => signal.Wake();

    /// <summary>
    /// Withdraws this person's messages of <paramref name="kind"/> that have not gone out yet (say, behind a dead mail
    /// server): a newer link replaced theirs, and they should not arrive later and confuse. A message a node is
    /// sending right now is left to it. Runs in the caller's transaction when there is one.
    /// </summary>
    public async Task<int> WithdrawUnsentAsync(string kind, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Set<OutboxEmailRecord>()
            .Where(m => m.UserId == userId && m.Kind == kind && m.SentAt == null && m.AbandonedAt == null
                && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AbandonedAt, now)
                .SetProperty(m => m.ProtectedBody, (string?)null)
                .SetProperty(m => m.LastError, "replaced by a newer message"), cancellationToken);
    }

    internal static string Protect(IDataProtectionProvider dataProtection, EmailMessage message) =>
        dataProtection.CreateProtector(ProtectorPurpose).Protect(JsonSerializer.Serialize(new StoredBody(message.Text, message.Html)));

    internal static EmailMessage Unprotect(IDataProtectionProvider dataProtection, OutboxEmailRecord record)
    {
        var body = JsonSerializer.Deserialize<StoredBody>(dataProtection.CreateProtector(ProtectorPurpose).Unprotect(record.ProtectedBody!))
            ?? throw new InvalidOperationException("The queued message has no body.");
        return new EmailMessage(record.Recipient, record.Subject, body.Text, body.Html);
    }

    private sealed record StoredBody(string Text, string Html);
}
