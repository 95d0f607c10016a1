namespace Clinic.PatientRecords.Api;

/// <summary>Where the API's access tokens come from and the audience they must carry (section "ClinikoIdP").</summary>
public sealed class ClinikoIdPSettings
{
    public const string Section = "ClinikoIdP";

    /// <summary>The identity provider's issuer URL, e.g. http://localhost:5000/.</summary>
    public string? Authority { get; set; }

    /// <summary>The resource registered with the API scope (admin scope create --resource …).</summary>
    public string Audience { get; set; } = "patient-records-api";
}
