using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>
/// Tells the attempt that locked an account from the attempts refused while it stays locked: both are written as
/// "locked out" (Identity answers the same), but only the first deserves an email, or a guessing attacker would flood
/// the owner's inbox.
/// </summary>
public static class LockoutNotices
{
    /// <summary>
    /// True when <paramref name="written"/> starts a lockout after failed attempts. Every such lockout follows at
    /// least two refused attempts (the threshold is 3 or more and the count starts again after a lockout), so the
    /// account's previous sign-in event was a plain failure; while locked, it is another "locked out".
    /// An administrator's lock never times out and has its own message, so attempts against it send nothing.
    /// </summary>
    public static async Task<bool> StartsLockoutAsync(IdpDbContext db, SecurityEventRecord written, ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(user);
        if (user.LockoutEnd is null || Users.AdministratorLock.Holds(user))
        {
            return false;
        }

        var previous = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.Id < written.Id
                && (e.Kind == SecurityEventKinds.SignIn || e.Kind == SecurityEventKinds.SecondFactor))
            .OrderByDescending(e => e.Id)
            .Select(e => e.Outcome)
            .FirstOrDefaultAsync();
        return previous != SecurityEventOutcomes.LockedOut;
    }
}
