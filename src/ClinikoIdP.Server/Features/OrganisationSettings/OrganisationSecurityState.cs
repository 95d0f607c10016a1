using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>The settings in force, the configured defaults behind them, and the rows that changed them.</summary>
/// <param name="Stored">The rows in use, by setting name (who changed the setting, and when).</param>
/// <param name="Stamp">Identifies this state of the table, so a save can tell that someone else saved in between.</param>
public sealed record OrganisationSecurityState(
    SecuritySettings Effective,
    SecuritySettings Defaults,
    IReadOnlyDictionary<string, OrganisationSettingRecord> Stored,
    string Stamp);
