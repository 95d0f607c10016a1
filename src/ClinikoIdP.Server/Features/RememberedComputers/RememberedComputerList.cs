using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>A person's live remembered computers, for their security page and the admin console, and forgetting them.</summary>
public sealed class RememberedComputerList(IdpDbContext db, TimeProvider time)
{
    /// <summary>Not forgotten and not expired, most recently used first.</summary>
    public async Task<IReadOnlyList<RememberedComputerRecord>> ListLiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.RememberedComputers.AsNoTracking()
            .Where(c => c.UserId == userId && c.RevokedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.LastSeenAt)
            .ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    public Task<int> CountLiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.RememberedComputers.CountAsync(c => c.UserId == userId && c.RevokedAt == null && c.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Forgets one of the person's own live computers; null when there is no such computer (someone else's, or gone).</summary>
    public async Task<RememberedComputerRecord?> ForgetAsync(string userId, long id, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await db.RememberedComputers
            .SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId && c.RevokedAt == null && c.ExpiresAt > now, cancellationToken);
        if (record is null)
        {
            return null;
        }

        record.RevokedAt = now;
        record.RevokedReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Forgets every live computer of the person; returns how many.</summary>
    public Task<int> ForgetAllAsync(string userId, string reason, CancellationToken cancellationToken) =>
        RememberedComputerRevoker.RevokeAllAsync(db, userId, reason, time.GetUtcNow(), cancellationToken);

    /// <summary>"Chrome on Windows", as a person recognises a computer.</summary>
    public static string Describe(RememberedComputerRecord computer)
    {
        ArgumentNullException.ThrowIfNull(computer);
        return $"{computer.Browser ?? RememberedComputerUserAgent.Unknown} on {computer.OperatingSystem ?? RememberedComputerUserAgent.Unknown}";
    }
}
