using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>
/// Saves an administrator's changes: only the settings whose value changed get a row, and only when nobody else has
/// saved since the administrator's form was shown (the stamp), so two administrators never silently undo each other.
/// </summary>
public sealed class OrganisationSettingsWriter(IdpDbContext db, OrganisationSecurity security, TimeProvider time)
{
    /// <param name="expectedStamp">The stamp of the state the administrator's form showed.</param>
    public async Task<SettingsSaveResult> SaveAsync(
        SecuritySettings proposed, string expectedStamp, string administratorId, CancellationToken cancellationToken)
    {
        // Read, check and write in one transaction (SQLite takes the write lock at its start), so a save on another
        // node cannot slip in between the check and the write.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.OrganisationSettings.ToListAsync(cancellationToken);
        var state = security.Resolve(rows);
        if (!string.Equals(state.Stamp, expectedStamp, StringComparison.Ordinal))
        {
            return SettingsSaveResult.Of(SettingsSaveOutcome.Conflict);
        }

        var problems = SecuritySettingBounds.Validate(state.Effective, proposed);
        if (problems.Count > 0)
        {
            return new SettingsSaveResult(SettingsSaveOutcome.Invalid, [], problems);
        }

        var changes = SettingChange.Between(state.Effective, proposed);
        if (changes.Count == 0)
        {
            return SettingsSaveResult.Of(SettingsSaveOutcome.Unchanged);
        }

        var now = time.GetUtcNow();
        foreach (var change in changes)
        {
            var value = StoredSecuritySettings.Format(change.Setting, proposed);
            if (rows.Find(r => r.Name == change.Setting) is { } row)
            {
                row.Value = value;
                row.UpdatedAt = now;
                row.UpdatedBy = administratorId;
            }
            else
            {
                db.OrganisationSettings.Add(new OrganisationSettingRecord
                {
                    Name = change.Setting,
                    Value = value,
                    UpdatedAt = now,
                    UpdatedBy = administratorId,
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node inserted the same setting first: report it like any other concurrent save.
            foreach (var entry in db.ChangeTracker.Entries<OrganisationSettingRecord>().ToList())
            {
                entry.State = EntityState.Detached;
            }

            return SettingsSaveResult.Of(SettingsSaveOutcome.Conflict);
        }
        finally
        {
            security.Forget();
        }

        return new SettingsSaveResult(SettingsSaveOutcome.Saved, changes, []);
    }
}
