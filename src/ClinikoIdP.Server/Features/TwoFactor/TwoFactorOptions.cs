using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>The <c>TwoFactor</c> configuration section.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "TwoFactor";

    /// <summary>
    /// Only the default of the console's "Require two-step verification for all users": read the setting in force
    /// from <c>OrganisationSecurity</c>, never from here.
    /// </summary>
    public TwoFactorEnforcement Enforcement { get; set; } = TwoFactorEnforcement.Always;

    /// <summary>The name authenticator apps show beside the account.</summary>
    public string Issuer { get; set; } = "ClinikoIdP";

    /// <summary>How recent a second factor must be before the user may change their security settings.</summary>
    public TimeSpan RecentVerificationWindow { get; set; } = TimeSpan.FromMinutes(10);
}
