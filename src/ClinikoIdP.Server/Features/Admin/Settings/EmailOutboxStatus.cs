using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Settings;

/// <summary>The outbox at a glance for the console: what waits, what went out today, what was given up, and the latest trouble.</summary>
public sealed record EmailOutboxStatus(int Waiting, int SentLastDay, int GivenUpLastWeek, EmailOutboxProblem? LatestProblem)
{
    public static readonly TimeSpan GivenUpWindow = TimeSpan.FromDays(7);

    public static async Task<EmailOutboxStatus> ReadAsync(IdpDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var outbox = db.OutboxEmails.AsNoTracking();
        var dayAgo = now - TimeSpan.FromDays(1);
        var weekAgo = now - GivenUpWindow;
        var waiting = await outbox.CountAsync(m => m.SentAt == null && m.AbandonedAt == null, cancellationToken);
        var sent = await outbox.CountAsync(m => m.SentAt != null && m.SentAt >= dayAgo, cancellationToken);
        var givenUp = await outbox.CountAsync(m => m.AbandonedAt != null && m.AbandonedAt >= weekAgo, cancellationToken);

        // Given up, or still waiting after a failed attempt: a message that was sent in the end is no longer trouble.
        var latest = await outbox
            .Where(m => m.LastError != null && m.SentAt == null)
            .OrderByDescending(m => m.Id)
            .Select(m => new EmailOutboxProblem(m.Kind, m.Recipient, m.Attempts, m.LastError!, m.AbandonedAt, m.NextAttemptAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new EmailOutboxStatus(waiting, sent, givenUp, latest);
    }
}

/// <summary>The latest message that failed: given up (<see cref="AbandonedAt"/>) or due again at <see cref="NextAttemptAt"/>.</summary>
public sealed record EmailOutboxProblem(
    string Kind, string Recipient, int Attempts, string LastError, DateTimeOffset? AbandonedAt, DateTimeOffset NextAttemptAt)
{
    public bool GivenUp => AbandonedAt is not null;
}
