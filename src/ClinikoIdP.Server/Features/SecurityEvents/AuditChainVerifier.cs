using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// Walks the audit chain in sequence order, one row at a time, recomputing every hash and checking every link, and
/// reports the first place it breaks. A chain recomputed end to end by someone with write access verifies again; only
/// a head hash noted earlier (<paramref name="expectedHead"/> of <see cref="VerifyAsync"/>) shows that.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditChainReport> VerifyAsync(
        IdpDbContext db, string? expectedHead = null, CancellationToken cancellationToken = default)
    {
        var anchor = expectedHead?.Trim().ToLowerInvariant();
        long count = 0, previousId = 0;
        long? anchorSequence = null;
        var previousHash = "";

        var chain = db.SecurityEvents.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in chain.WithCancellation(cancellationToken))
        {
            var problem = Check(entry, count + 1, previousId, previousHash);
            if (problem is not null)
            {
                return new AuditChainReport(count, previousHash, count, problem) { AnchorSequence = anchorSequence };
            }

            count++;
            previousId = entry.Id;
            previousHash = entry.Hash!;
            if (previousHash == anchor)
            {
                anchorSequence = count;
            }
        }

        var outside = await db.SecurityEvents.AsNoTracking().Where(e => e.Sequence == null)
            .OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        var broken = outside is { } id
            ? new AuditChainBreak(null, id, AuditChainProblem.Inserted,
                "it is not part of the chain (it has no sequence number): it was added directly to the database")
            : anchor is not null && anchorSequence is null
                ? new AuditChainBreak(null, null, AuditChainProblem.AnchorMissing,
                    $"the head you noted ({anchor}) is no longer in the chain: events were removed or the trail was rewritten after you noted it")
                : null;
        return new AuditChainReport(count, previousHash, count, broken) { AnchorSequence = anchorSequence };
    }

    private static AuditChainBreak? Check(SecurityEventRecord entry, long expected, long previousId, string previousHash)
    {
        var sequence = entry.Sequence!.Value;
        AuditChainBreak Break(AuditChainProblem problem, string description) => new(sequence, entry.Id, problem, description);

        if (sequence < expected)
        {
            return Break(AuditChainProblem.Inserted, "its sequence number is below 1: it was added directly to the database");
        }

        if (sequence > expected)
        {
            return Break(AuditChainProblem.Deleted, sequence == expected + 1
                ? $"event #{expected} before it is missing: it was deleted"
                : $"events #{expected} to #{sequence - 1} before it are missing: they were deleted");
        }

        if (entry.Id <= previousId)
        {
            return Break(AuditChainProblem.Reordered,
                $"it is stored before event #{expected - 1} (id {previousId}) although it follows it: rows were reordered or renumbered");
        }

        if (entry.Hash is null)
        {
            return Break(AuditChainProblem.Edited, "its hash was removed");
        }

        if (entry.PreviousHash != previousHash)
        {
            return Break(AuditChainProblem.Inserted, expected == 1
                ? "it does not start the chain: it was inserted in place of the first event"
                : $"it does not link to event #{expected - 1}: it was inserted here, or event #{expected - 1} was rewritten with a new hash");
        }

        return AuditEventHash.Compute(entry) == entry.Hash
            ? null
            : Break(AuditChainProblem.Edited, "its contents no longer match its hash: it was changed after it was written");
    }
}
