namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>
/// One organisation-wide security setting changed by an administrator. A setting without a row takes its value from
/// the configuration, so a fresh installation behaves as configured until someone changes it in the console.
/// </summary>
public sealed class OrganisationSettingRecord
{
    public required string Name { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The administrator who last changed it.</summary>
    public string? UpdatedBy { get; set; }
}
