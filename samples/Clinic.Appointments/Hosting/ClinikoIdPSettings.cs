namespace Clinic.Appointments.Hosting;

/// <summary>How this app is registered at ClinikoIdP (configuration section "ClinikoIdP").</summary>
public sealed class ClinikoIdPSettings
{
    public const string Section = "ClinikoIdP";

    /// <summary>The identity provider's issuer URL, e.g. http://localhost:5000/.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "clinic-appointments";

    /// <summary>Never in source: user secrets, an environment variable (ClinikoIdP__ClientSecret) or a vault.</summary>
    public string? ClientSecret { get; set; }
}
