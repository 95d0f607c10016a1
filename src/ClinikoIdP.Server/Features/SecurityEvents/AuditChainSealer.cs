using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// Brings events written before the chain existed (no sequence, no hash) into it, oldest first, once: only while no
/// event has a hash yet. After that, a row without a hash is damage the verifier reports, never something to seal.
/// </summary>
public static class AuditChainSealer
{
    private const int BatchSize = 500;

    /// <returns>How many events were sealed (0 when the chain already exists or the trail is empty).</returns>
    public static async Task<int> SealEarlierEventsAsync(IdpDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (await db.SecurityEvents.AnyAsync(e => e.Hash != null, cancellationToken)
            || !await db.SecurityEvents.AnyAsync(cancellationToken))
        {
            return 0;
        }

        try
        {
            var sealedCount = await SealAllAsync(db, cancellationToken);
            Log.AuditEventsSealed(logger, sealedCount);
            return sealedCount;
        }
        catch (DbUpdateException raced)
        {
            // Another node (or the command line) sealed or appended first; the chain it started stands.
            db.ChangeTracker.Clear();
            Log.AuditSealSkipped(logger, raced.InnerException?.Message ?? raced.Message);
            return 0;
        }
    }

    private static async Task<int> SealAllAsync(IdpDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        long sequence = 0, lastId = 0;
        var previousHash = "";
        while (true)
        {
            var batch = await db.SecurityEvents.Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previousHash;
                entry.Hash = previousHash = AuditEventHash.Compute(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }

        await transaction.CommitAsync(cancellationToken);
        return (int)sequence;
    }
}
