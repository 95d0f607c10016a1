using ClinikoIdP.Authentication.BackupCodes;
using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.BackupCodes;

/// <summary>A user's printed backup codes: generated ten at a time, stored as salted hashes, each usable once.</summary>
public sealed class BackupCodeStore(IdpDbContext db, TimeProvider time)
{
    // PBKDF2-SHA512 with a per-code salt (NIST SP 800-63B-4 §3.1.2.2). The codes carry 80 random bits, so the
    // iteration count adds little against offline guessing; 10,000 keeps checking ten codes near 100 ms.
    private static readonly BackupCodeHasher Hasher = new(10_000);

    public const int LowWarningThreshold = 3;

    /// <summary>
    /// Replaces every existing code with a new set and returns the new codes for showing once; joins the caller's
    /// transaction when there is one (enrolment saves the authenticator and its codes together).
    /// </summary>
    public async Task<IReadOnlyList<string>> RegenerateAsync(ClinicUser user)
    {
        var codes = BackupCodeGenerator.Generate();
        var now = time.GetUtcNow();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        await db.BackupCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
        db.BackupCodes.AddRange(codes.Select(code => new BackupCodeRecord
        {
            UserId = user.Id,
            Hash = Hasher.Hash(BackupCodeNormalizer.Normalize(code)!),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return codes;
    }

    /// <summary>Uses a code if it is one of the user's unused ones; returns how many remain, or null when it is not.</summary>
    public async Task<int?> RedeemAsync(ClinicUser user, string typed)
    {
        var canonical = BackupCodeNormalizer.Normalize(typed);
        if (canonical is null)
        {
            return null;
        }

        var unused = await db.BackupCodes.AsNoTracking()
            .Where(c => c.UserId == user.Id && c.UsedAt == null)
            .Select(c => new { c.Id, c.Hash })
            .ToListAsync();
        var match = unused.FirstOrDefault(c => BackupCodeHasher.Verify(canonical, c.Hash));
        if (match is null)
        {
            return null;
        }

        // Of two concurrent uses of one code, only the one that flips UsedAt wins.
        var now = time.GetUtcNow();
        var claimed = await db.BackupCodes
            .Where(c => c.Id == match.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        return claimed == 1 ? unused.Count - 1 : null;
    }

    public Task<int> CountRemainingAsync(ClinicUser user) =>
        db.BackupCodes.CountAsync(c => c.UserId == user.Id && c.UsedAt == null);

    public Task DeleteAllAsync(ClinicUser user) =>
        db.BackupCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
}
