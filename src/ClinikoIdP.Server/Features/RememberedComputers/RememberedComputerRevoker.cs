using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// Revokes every live remembered computer of a person when something about how they sign in changes. One statement
/// that joins the caller's transaction when there is one, so the change and the revocation commit together.
/// </summary>
public static class RememberedComputerRevoker
{
    /// <returns>How many computers were forgotten.</returns>
    public static Task<int> RevokeAllAsync(
        IdpDbContext db, string userId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.RememberedComputers
            .Where(c => c.UserId == userId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.RevokedAt, (DateTimeOffset?)now)
                .SetProperty(c => c.RevokedReason, reason), cancellationToken);
    }
}
