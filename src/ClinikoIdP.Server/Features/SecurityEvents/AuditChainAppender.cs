using System.Data.Common;
using ClinikoIdP.Server.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// Adds an event at the head of the chain. Two writers (threads, nodes, the command line) may read the same head;
/// the unique index on <see cref="SecurityEventRecord.Sequence"/> lets only one of them take the next number, and the
/// other reads the new head and tries again, so the chain never forks whatever the number of writers.
/// </summary>
internal static class AuditChainAppender
{
    // Under contention each round lets at least one writer through, so this bounds a burst of this many writers.
    private const int MaxAttempts = 50;

    // SQLITE_CONSTRAINT_UNIQUE; SQLSTATE 23505 is the standard unique_violation (PostgreSQL).
    private const int SqliteUniqueConstraint = 2067;
    private const string SqlStateUniqueViolation = "23505";

    // Writers in one process take turns: under a sign-in burst they would otherwise all read the same head and all
    // but one fail on the unique index, each failure a wasted round trip, a back-off and an error line in the log.
    // The unique index still settles races between nodes (and with the command line).
    private static readonly SemaphoreSlim OneWriterPerProcess = new(1, 1);

    public static async Task AppendAsync(
        IDbContextFactory<IdpDbContext> databases, SecurityEventRecord record, ILogger logger, CancellationToken cancellationToken)
    {
        await OneWriterPerProcess.WaitAsync(cancellationToken);
        try
        {
            await AppendInTurnAsync(databases, record, logger, cancellationToken);
        }
        finally
        {
            OneWriterPerProcess.Release();
        }
    }

    private static async Task AppendInTurnAsync(
        IDbContextFactory<IdpDbContext> databases, SecurityEventRecord record, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A fresh context per attempt: after a failed insert nothing stale stays tracked for the next one.
            await using var db = databases.CreateDbContext();
            var head = await db.SecurityEvents.AsNoTracking()
                .Where(e => e.Sequence != null)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);

            record.Id = 0;
            record.Sequence = (head?.Sequence ?? 0) + 1;
            record.PreviousHash = head?.Hash ?? "";
            record.Hash = AuditEventHash.Compute(record);
            db.SecurityEvents.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException conflict) when (IsUniqueViolation(conflict))
            {
                if (attempt == MaxAttempts)
                {
                    Log.AuditAppendGaveUp(logger, record.Kind, attempt);
                    throw new InvalidOperationException("The audit trail is too busy to record this event; try again.", conflict);
                }

                await Task.Delay(Random.Shared.Next(1, 4 + attempt), cancellationToken);
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueConstraint,
        DbException other => other.SqlState == SqlStateUniqueViolation,
        _ => false,
    };
}
