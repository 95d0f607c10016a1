using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Email;

/// <summary>
/// One pass over the outbox: claims what is due (a conditional update, so two nodes never send one message twice at
/// once), sends it, and records the outcome only while the claim still holds. Failures are retried with growing
/// delays, then given up. A sent message keeps its recipient, subject and time; its body is erased.
/// </summary>
public sealed class EmailDelivery(
    IServiceScopeFactory scopes,
    SmtpEmailSender sender,
    IDataProtectionProvider dataProtection,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailDelivery> logger)
{
    private const int BatchSize = 20;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    /// <summary>Sends every message that is due; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var outbox = db.Set<OutboxEmailRecord>();
        var now = time.GetUtcNow();
        var due = await outbox
            .Where(m => m.SentAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);

        var lockedUntil = now + ClaimDuration;
        var claimed = new List<OutboxEmailRecord>();
        foreach (var message in due)
        {
            // Claimed only if nobody attempted it since it was read: a pass with a stale copy must not send it again.
            var (previous, attempts) = (message.LockedUntil, message.Attempts);
            var rows = await outbox
                .Where(m => m.Id == message.Id && m.LockedUntil == previous && m.Attempts == attempts
                    && m.SentAt == null && m.AbandonedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(message);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var readable = new List<(OutboxEmailRecord Record, EmailMessage Message)>();
        foreach (var record in claimed)
        {
            try
            {
                readable.Add((record, EmailOutbox.Unprotect(dataProtection, record)));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // The key ring no longer opens it (restored from another installation): sending is impossible.
                await RecordAsync(db, record, lockedUntil, new SmtpEmailSender.Failure("the message can no longer be decrypted", Permanent: true), cancellationToken);
            }
        }

        var outcomes = await sender.SendAsync(readable.Select(r => r.Message).ToList(), cancellationToken);
        foreach (var ((record, _), failure) in readable.Zip(outcomes))
        {
            await RecordAsync(db, record, lockedUntil, failure, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: 30 s, doubling, at most 6 hours.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, attempts - 1)), TimeSpan.FromHours(6).TotalSeconds));

    private async Task RecordAsync(
        IdpDbContext db, OutboxEmailRecord message, DateTimeOffset claim, SmtpEmailSender.Failure? failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = message.Attempts + 1;
        DateTimeOffset? sent = failure is null ? now : null;
        DateTimeOffset? abandoned = failure is not null && (failure.Permanent || attempts >= options.Value.MaxDeliveryAttempts) ? now : null;
        var finished = sent is not null || abandoned is not null;
        var body = finished ? null : message.ProtectedBody;

        // Not the caller's token: a message that went out must be recorded as sent even while the node shuts down.
        await db.Set<OutboxEmailRecord>()
            .Where(m => m.Id == message.Id && m.LockedUntil == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, failure == null ? null : failure.Error)
                .SetProperty(m => m.SentAt, sent)
                .SetProperty(m => m.AbandonedAt, abandoned)
                .SetProperty(m => m.ProtectedBody, body)
                .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts)), CancellationToken.None);

        if (failure is null)
        {
            Log.EmailSent(logger, message.Id, message.Kind);
        }
        else if (abandoned is not null)
        {
            Log.EmailAbandoned(logger, message.Id, message.Kind, attempts, failure.Error);
        }
        else
        {
            Log.EmailDeferred(logger, message.Id, message.Kind, attempts, failure.Error);
        }
    }
}
