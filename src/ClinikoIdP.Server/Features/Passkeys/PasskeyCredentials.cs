using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.RememberedComputers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// A person's passkeys: Identity stores each (<c>AspNetUserPasskeys</c>); this adds names, limits, the date of last
/// use and the server-side claim that makes each successful ceremony count once.
/// </summary>
public sealed class PasskeyCredentials(UserManager<ClinicUser> users, IdpDbContext db, TimeProvider time)
{
    /// <summary>Enough for a phone, a laptop and spare keys; a long list is one nobody reviews.</summary>
    public const int MaxPerPerson = 10;

    public const int MaxNameLength = 50;

    /// <summary>A base64url credential id is at most 1366 characters (WebAuthn §5.8.3: ids are at most 1023 bytes).</summary>
    public const int MaxIdLength = 1366;

    public async Task<IReadOnlyList<PasskeySummary>> ListAsync(ClinicUser user)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        var uses = await db.PasskeyUses.AsNoTracking().Where(u => u.UserId == user.Id).ToListAsync();
        return [.. passkeys
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeySummary(
                WebEncoders.Base64UrlEncode(p.CredentialId),
                p.Name ?? "Passkey",
                p.CreatedAt,
                uses.FirstOrDefault(u => u.CredentialId.AsSpan().SequenceEqual(p.CredentialId))?.LastUsedAt,
                p.IsBackupEligible))];
    }

    public async Task<bool> HasAnyAsync(ClinicUser user) =>
        users.SupportsUserPasskey && (await users.GetPasskeysAsync(user)).Count > 0;

    public async Task<int> CountAsync(ClinicUser user) => (await users.GetPasskeysAsync(user)).Count;

    /// <summary>Stores a newly created passkey under a name; false when the person already has the most allowed.</summary>
    public async Task<bool> AddAsync(ClinicUser user, UserPasskeyInfo passkey, string name)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        if (await CountAsync(user) >= MaxPerPerson)
        {
            return false;
        }

        passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded;
    }

    /// <summary>The passkey of this person with this base64url id, or null (an unknown or someone else's id).</summary>
    public async Task<UserPasskeyInfo?> FindAsync(ClinicUser user, string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return null;
        }

        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }

        return await users.GetPasskeyAsync(user, credentialId);
    }

    public async Task RenameAsync(ClinicUser user, UserPasskeyInfo passkey, string name)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        passkey.Name = name;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
    }

    public async Task RemoveAsync(ClinicUser user, UserPasskeyInfo passkey)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        var credentialId = passkey.CredentialId;
        await db.PasskeyUses.Where(u => u.UserId == user.Id && u.CredentialId == credentialId).ExecuteDeleteAsync();

        // A passkey is removed when a device is lost or replaced: computers remembered with it are forgotten too.
        await RememberedComputerRevoker.RevokeAllAsync(db, user.Id, RememberedComputerReasons.PasskeyRemoved, time.GetUtcNow());
    }

    /// <summary>Removes every passkey of a person (an administrator's reset of two-step verification).</summary>
    public async Task RemoveAllAsync(ClinicUser user)
    {
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        }

        await db.PasskeyUses.Where(u => u.UserId == user.Id).ExecuteDeleteAsync();
        await RememberedComputerRevoker.RevokeAllAsync(db, user.Id, RememberedComputerReasons.PasskeyRemoved, time.GetUtcNow());
    }

    /// <summary>
    /// Records a successful use of a passkey, once per ceremony: a compare-and-set that succeeds only when the passkey
    /// was not used since this ceremony began. A replayed answer (same challenge, even with a stolen ceremony cookie)
    /// or a second answer to one challenge is refused here, also for synced passkeys whose signature counter is always
    /// zero, and across nodes.
    /// </summary>
    public async Task<bool> ClaimUseAsync(ClinicUser user, byte[] credentialId, DateTimeOffset ceremonyStartedAt)
    {
        var now = time.GetUtcNow();
        var claimed = await db.PasskeyUses
            .Where(u => u.CredentialId == credentialId && u.UserId == user.Id && u.LastUsedAt < ceremonyStartedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastUsedAt, now));
        if (claimed == 1)
        {
            return true;
        }

        if (await db.PasskeyUses.AnyAsync(u => u.CredentialId == credentialId))
        {
            return false;
        }

        // The first use: of two concurrent first uses, the primary key lets one insert win.
        var first = db.PasskeyUses.Add(new PasskeyUseRecord { CredentialId = credentialId, UserId = user.Id, LastUsedAt = now });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            first.State = EntityState.Detached;
            return false;
        }
    }
}
