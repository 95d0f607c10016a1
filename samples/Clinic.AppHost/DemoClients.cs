namespace Clinic.AppHost;

/// <summary>The demo's registrations at the IdP: the same lines each sample's README gives.</summary>
internal static class DemoClients
{
    public const string Appointments = "clinic-appointments";
    public const string Billing = "clinic-billing";
    public const string ApiScope = "patients.read";
    public const string ApiResource = "patient-records-api";
    public const string DemoUserEmail = "jane@clinic.example";
    public const string DemoUserName = "Dr Jane Smith";

    public static string[] AppointmentsClient(string secret)
    {
        var app = DemoPorts.Url(DemoPorts.Appointments);
        return
        [
            "client", "create", "--client-id", Appointments, "--secret", secret, "--display-name", "Appointments",
            "--redirect-uri", app + "signin-oidc", "--post-logout-redirect-uri", app + "signout-callback-oidc",
            "--scope", "openid", "--scope", "profile", "--scope", "email", "--scope", "offline_access", "--scope", ApiScope,
            "--backchannel-logout-uri", app + "backchannel-logout",
        ];
    }

    public static string[] BillingClient(string secret)
    {
        var app = DemoPorts.Url(DemoPorts.Billing);
        return
        [
            "client", "create", "--client-id", Billing, "--secret", secret, "--display-name", "Billing",
            "--redirect-uri", app + "callback/login/clinikoidp", "--post-logout-redirect-uri", app + "callback/logout/clinikoidp",
            "--scope", "openid", "--scope", "profile", "--scope", "email", "--require-mfa",
            "--backchannel-logout-uri", app + "backchannel-logout",
        ];
    }
}
