using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>
/// Applies a new password chosen through a reset link, and ends everything the old password might have opened: every
/// session, every app's tokens (with back-channel logout), any sign-in half-way through (security stamp), the other
/// live reset links. For a user with an authenticator the new password first waits, as a hash on the used link, for
/// the second factor (<see cref="HoldForSecondFactorAsync"/>): a mailbox alone must never change how the account
/// signs in.
/// </summary>
public sealed class PasswordResetCompletion(
    IdpDbContext db,
    UserManager<ClinicUser> users,
    UserAdministration administration,
    AccountLinkStore links,
    SecurityEventWriter events,
    TimeProvider time,
    ILogger<PasswordResetCompletion> logger)
{
    /// <summary>Keeps the new password's hash on the (already used) link until the second factor passes.</summary>
    public async Task HoldForSecondFactorAsync(ClinicUser user, long linkId, string passwordHash, CancellationToken cancellationToken)
    {
        await db.Set<AccountLinkRecord>()
            .Where(l => l.Id == linkId && l.UserId == user.Id && l.Purpose == AccountLinkPurposes.PasswordReset && l.UsedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PendingPasswordHash, passwordHash), cancellationToken);
        Log.PasswordResetAwaitingSecondFactor(logger, user.Id);
    }

    /// <summary>
    /// Applies the password waiting on a link once its second factor has passed. Clearing the waiting hash is a
    /// conditional update in the same transaction as the change, so it applies at most once, and a failure half-way
    /// leaves the old password, the sessions and the waiting hash as they were; false when nothing (any more) waits.
    /// </summary>
    public async Task<bool> ApplyWaitingAsync(ClinicUser user, long linkId)
    {
        var cancellationToken = CancellationToken.None;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var waiting = await db.Set<AccountLinkRecord>().AsNoTracking()
                .Where(l => l.Id == linkId && l.UserId == user.Id && l.Purpose == AccountLinkPurposes.PasswordReset
                    && l.UsedAt != null && l.PendingPasswordHash != null)
                .Select(l => l.PendingPasswordHash)
                .SingleOrDefaultAsync(cancellationToken);
            var claimed = waiting is not null && !AdministratorLock.Holds(user) && await db.Set<AccountLinkRecord>()
                .Where(l => l.Id == linkId && l.PendingPasswordHash == waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.PendingPasswordHash, (string?)null), cancellationToken) == 1;
            if (!claimed)
            {
                Log.PasswordResetNotFinished(logger, user.Id);
                return false;
            }

            await ChangeAsync(user, waiting!, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(user, "after the second factor");
        return true;
    }

    /// <summary>
    /// Sets the new password (as a hash made by Identity's hasher) and revokes what the old one opened, all in one
    /// transaction: a new password never stands beside the old sessions.
    /// </summary>
    public async Task ApplyAsync(ClinicUser user, string passwordHash, string detail)
    {
        // Not the request's token: a browser that goes away half-way must not stop a change that has begun.
        var cancellationToken = CancellationToken.None;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await ChangeAsync(user, passwordHash, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(user, detail);
    }

    private async Task ChangeAsync(ClinicUser user, string passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        Ensure(await users.UpdateAsync(user));

        // The lockout after failed attempts guarded the old password; an administrator's lock stays.
        Ensure(await users.ResetAccessFailedCountAsync(user));
        if (!AdministratorLock.Holds(user) && user.LockoutEnd is not null)
        {
            Ensure(await users.SetLockoutEndDateAsync(user, null));
        }

        await administration.EndAllSessionsAsync(user, SessionEndReasons.PasswordReset, cancellationToken);
        await links.RevokeAllAsync(user.Id, AccountLinkPurposes.PasswordReset, cancellationToken);
        await RememberedComputerRevoker.RevokeAllAsync(db, user.Id, RememberedComputerReasons.PasswordReset, time.GetUtcNow(), cancellationToken);
        await ForgetWaitingPasswordsAsync(user.Id, cancellationToken);
    }

    /// <summary>The audit event (and so the owner's notification) once the change is committed.</summary>
    private async Task RecordAsync(ClinicUser user, string detail)
    {
        await events.WriteAsync(SecurityEventKinds.PasswordReset, SecurityEventOutcomes.Succeeded, user, detail);
        Log.PasswordResetCompleted(logger, user.Id, detail);
    }

    /// <summary>
    /// Erases new passwords still waiting on this user's used links whose second factor never came (abandoned, or
    /// superseded): they can no longer apply, since the sign-in that carried them has expired or was replaced.
    /// </summary>
    public async Task ForgetWaitingPasswordsAsync(string userId, CancellationToken cancellationToken, TimeSpan? olderThan = null)
    {
        var usedBefore = time.GetUtcNow() - (olderThan ?? TimeSpan.Zero);
        await db.Set<AccountLinkRecord>()
            .Where(l => l.UserId == userId && l.Purpose == AccountLinkPurposes.PasswordReset && l.PendingPasswordHash != null
                && l.UsedAt <= usedBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PendingPasswordHash, (string?)null), cancellationToken);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The new password could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
