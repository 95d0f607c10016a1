using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Users;

/// <summary>Creates and manages staff accounts for the command line and the admin console.</summary>
public sealed class UserAdministration(
    IdpDbContext db,
    UserManager<ClinicUser> users,
    RoleManager<IdentityRole> roles,
    SessionAuthorizations authorizations,
    SessionRegistry sessions,
    AccountLinks.AccountLinkStore links,
    TimeProvider time)
{
    public const int MaxEmailLength = 256;

    public async Task<ClinicUser> CreateAsync(string email, string password, string? displayName, bool admin, CancellationToken cancellationToken)
    {
        email = ValidEmail(email);
        ValidDisplayName(displayName);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new OperationRefusedException($"A user with email '{email}' already exists.");
        }

        var user = new ClinicUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        Ensure(await users.CreateAsync(user, password));
        if (admin)
        {
            await GrantAdministratorAsync(user);
        }

        return user;
    }

    /// <summary>What the password rules say about a password (empty when it is acceptable), for a form's field error.</summary>
    public async Task<IReadOnlyList<string>> CheckPasswordAsync(string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new ClinicUser(), password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        return problems;
    }

    public Task<ClinicUser?> FindByIdAsync(string id) => users.FindByIdAsync(id);

    public async Task<bool> IsEmailTakenAsync(string email, string? exceptUserId) =>
        await users.FindByEmailAsync(email.Trim()) is { } other && other.Id != exceptUserId;

    /// <summary>
    /// Changes the name and the email, which is also the sign-in name. Sessions are kept: the person is the same,
    /// only how they are addressed changed.
    /// </summary>
    public async Task UpdateProfileAsync(ClinicUser user, string email, string? displayName)
    {
        email = ValidEmail(email);
        ValidDisplayName(displayName);
        if (await IsEmailTakenAsync(email, user.Id))
        {
            throw new OperationRefusedException($"Another account already uses '{email}'.");
        }

        // Set directly rather than through SetEmailAsync/SetUserNameAsync, which would also renew the security stamp.
        var (oldEmail, oldUserName, oldName) = (user.Email, user.UserName, user.DisplayName);
        user.Email = email;
        user.UserName = email;
        user.DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            // A refused change must not linger on the tracked entity for a later save to write.
            (user.Email, user.UserName, user.DisplayName) = (oldEmail, oldUserName, oldName);
            await users.UpdateNormalizedEmailAsync(user);
            await users.UpdateNormalizedUserNameAsync(user);
            Ensure(result);
        }
    }

    public Task<bool> IsAdministratorAsync(ClinicUser user) => users.IsInRoleAsync(user, IdentityHosting.AdminRole);

    /// <summary>Makes the user an administrator; false when they already were one.</summary>
    public async Task<bool> GrantAdministratorAsync(ClinicUser user)
    {
        if (!await roles.RoleExistsAsync(IdentityHosting.AdminRole))
        {
            Ensure(await roles.CreateAsync(new IdentityRole(IdentityHosting.AdminRole)));
        }

        if (await IsAdministratorAsync(user))
        {
            return false;
        }

        Ensure(await users.AddToRoleAsync(user, IdentityHosting.AdminRole));
        return true;
    }

    /// <summary>Removes the user from the administrators; false when they were not one.</summary>
    /// <param name="actorId">The administrator making the change (null on the command line), who may not demote themselves.</param>
    public async Task<bool> RevokeAdministratorAsync(ClinicUser user, string? actorId)
    {
        if (!await IsAdministratorAsync(user))
        {
            return false;
        }

        await WhileAnotherAdministratorRemainsAsync(user, "removed from the administrators", async () =>
        {
            if (user.Id == actorId)
            {
                throw new OperationRefusedException(
                    "You can't remove your own administrator role: ask another administrator, so nobody locks themselves out of the console by mistake.");
            }

            Ensure(await users.RemoveFromRoleAsync(user, IdentityHosting.AdminRole));
        });
        return true;
    }

    public async Task<IReadOnlyList<(ClinicUser User, bool IsAdmin)>> ListAsync(CancellationToken cancellationToken)
    {
        var admins = (await users.GetUsersInRoleAsync(IdentityHosting.AdminRole)).Select(u => u.Id).ToHashSet();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. all.Select(u => (u, admins.Contains(u.Id)))];
    }

    /// <summary>
    /// Locks the account until it is unlocked and ends everything it is signed in to: every session, every app's
    /// tokens (with back-channel logout), and any sign-in half-way through (security stamp).
    /// </summary>
    /// <param name="actorId">The administrator making the change (null on the command line), who may not lock themselves.</param>
    public async Task LockAsync(ClinicUser user, string? actorId, CancellationToken cancellationToken)
    {
        await WhileAnotherAdministratorRemainsAsync(user, "locked", async () =>
        {
            if (user.Id == actorId)
            {
                throw new OperationRefusedException(
                    "You can't lock your own account: you would be signed out at once and unable to sign back in. Ask another administrator.");
            }

            Ensure(await users.SetLockoutEnabledAsync(user, true));
            Ensure(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        });
        Ensure(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllForUserAsync(user.Id, SessionEndReasons.Locked, cancellationToken);
        await RememberedComputerRevoker.RevokeAllAsync(db, user.Id, RememberedComputerReasons.AccountLocked, time.GetUtcNow(), cancellationToken);
        await authorizations.RevokeAllForSubjectAsync(user.Id, cancellationToken);

        // A password-reset link sent before the lock must not outlive it. An invitation stays: it is the
        // administrator's own, and works again once they unlock the account.
        await links.RevokeAllAsync(user.Id, AccountLinks.AccountLinkPurposes.PasswordReset, cancellationToken);
    }

    /// <summary>
    /// Signs the user out everywhere: every session record ends, any sign-in half-way through is voided (security
    /// stamp), and every app's tokens are revoked with back-channel logout. They can sign in again at once.
    /// </summary>
    public async Task EndAllSessionsAsync(ClinicUser user, string reason, CancellationToken cancellationToken)
    {
        Ensure(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllForUserAsync(user.Id, reason, cancellationToken);
        await authorizations.RevokeAllForSubjectAsync(user.Id, cancellationToken);
    }

    /// <summary>Lifts a lock (an administrator's or the one after failed attempts) and clears the failed attempts.</summary>
    public async Task UnlockAsync(ClinicUser user)
    {
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
    }

    public async Task<ClinicUser> FindAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new OperationRefusedException($"No user with email '{email}'.");

    /// <summary>
    /// The clinic must always keep an administrator who can sign in: counting only administrators who are not
    /// locked, the last one can be neither demoted nor locked (that refusal comes before any other). The count and the change share one serializable
    /// transaction (on SQLite a write lock taken at its start), so two administrators demoting or locking each other
    /// at the same moment cannot both succeed.
    /// </summary>
    private async Task WhileAnotherAdministratorRemainsAsync(ClinicUser user, string change, Func<Task> apply)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
        await EnsureAnotherAdministratorRemainsAsync(user, change);
        await apply();
        await transaction.CommitAsync();
    }

    private async Task EnsureAnotherAdministratorRemainsAsync(ClinicUser user, string change)
    {
        if (!await IsAdministratorAsync(user))
        {
            return;
        }

        var others = 0;
        foreach (var administrator in await users.GetUsersInRoleAsync(IdentityHosting.AdminRole))
        {
            // An invited administrator who has not chosen a password yet can't sign in either.
            if (administrator.Id != user.Id && administrator.PasswordHash is not null && !await users.IsLockedOutAsync(administrator))
            {
                others++;
            }
        }

        if (others == 0)
        {
            throw new OperationRefusedException(
                $"{user.DisplayName ?? user.Email} is the only administrator who can sign in, so they can't be {change}. Make someone else an administrator first.");
        }
    }

    private static string ValidEmail(string email)
    {
        email = email.Trim();
        if (email.Length is 0 or > MaxEmailLength || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new OperationRefusedException($"'{email}' is not a valid email address.");
        }

        return email;
    }

    private static void ValidDisplayName(string? displayName)
    {
        if (displayName is { Length: > ClinicUser.MaxDisplayNameLength })
        {
            throw new OperationRefusedException($"The name must be at most {ClinicUser.MaxDisplayNameLength} characters.");
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new OperationRefusedException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
