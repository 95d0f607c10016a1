using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// The <c>RememberComputers</c> configuration section: only the defaults of the console's settings. Read the settings
/// in force from <c>OrganisationSecurity</c>, never from here.
/// </summary>
public sealed class RememberComputersOptions
{
    public const string Section = "RememberComputers";

    /// <summary>Off unless a clinic chooses it: a remembered front-desk computer lets anyone with the password in.</summary>
    public bool Enabled { get; set; }

    public int Days { get; set; } = SecuritySettingBounds.DefaultRememberComputerDays;
}
