using System.Security.Cryptography;
using System.Text;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.TwoFactor;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>
/// The organisation's security settings in force: the configuration's defaults with an administrator's changes laid
/// over them. Read from the database once per request and never cached longer, so every node sharing the database
/// applies a change from its next request on.
/// </summary>
public sealed class OrganisationSecurity(
    IdpDbContext db,
    IOptions<TwoFactorOptions> twoFactor,
    IOptions<IdpOptions> idp,
    IOptions<IdentityOptions> identity,
    IOptions<PasskeyDefaultsOptions> passkeys,
    IOptions<RememberComputersOptions> rememberComputers,
    ILogger<OrganisationSecurity> logger)
{
    private OrganisationSecurityState? current;

    /// <summary>
    /// The values from configuration (<c>TwoFactor:Enforcement</c>, <c>IdP:Session…</c>, Identity's lockout,
    /// <c>Passkeys:AllowPasswordless</c>, <c>RememberComputers:Enabled</c> and <c>:Days</c>).
    /// </summary>
    public SecuritySettings Defaults => new(
        twoFactor.Value.Enforcement == TwoFactorEnforcement.Always,
        idp.Value.SessionIdleTimeout,
        idp.Value.SessionAbsoluteLifetime,
        identity.Value.Lockout.MaxFailedAccessAttempts)
    {
        PasswordlessPasskeys = passkeys.Value.AllowPasswordless,
        RememberComputers = rememberComputers.Value.Enabled,
        RememberComputerDays = Math.Clamp(rememberComputers.Value.Days,
            SecuritySettingBounds.MinRememberComputerDays, SecuritySettingBounds.MaxRememberComputerDays),
    };

    public async Task<OrganisationSecurityState> GetStateAsync(CancellationToken cancellationToken = default) =>
        current ??= Resolve(await db.OrganisationSettings.AsNoTracking().ToListAsync(cancellationToken));

    public async Task<SecuritySettings> GetAsync(CancellationToken cancellationToken = default) =>
        (await GetStateAsync(cancellationToken)).Effective;

    /// <summary>Whether everyone must use two-step verification (<c>TwoFactor:Enforcement=Always</c> or the console's switch).</summary>
    public async Task<bool> RequiresTwoFactorAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).RequireTwoFactor;

    /// <summary>The state a set of rows gives; the writer calls it on rows read inside its transaction.</summary>
    public OrganisationSecurityState Resolve(IReadOnlyCollection<OrganisationSettingRecord> rows)
    {
        var defaults = Defaults;
        var resolved = StoredSecuritySettings.Resolve(defaults, rows.ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal));
        foreach (var name in resolved.Ignored)
        {
            Log.OrganisationSettingIgnored(logger, name);
        }

        var used = rows.Where(r => resolved.Stored.Contains(r.Name)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        return new OrganisationSecurityState(resolved.Effective, defaults, used, Stamp(rows));
    }

    /// <summary>Forgets the values read in this request (after a change).</summary>
    public void Forget() => current = null;

    private static string Stamp(IEnumerable<OrganisationSettingRecord> rows)
    {
        var text = string.Join('\n', rows.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => $"{r.Name}\t{r.Value}\t{r.UpdatedAt.UtcTicks}\t{r.UpdatedBy}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
