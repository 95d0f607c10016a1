namespace Clinic.AppHost;

/// <summary>Fixed loopback ports, so the registered redirect URIs stay valid from one run to the next.</summary>
internal static class DemoPorts
{
    public const int IdP = 5000;
    public const int Appointments = 5101;
    public const int Billing = 5102;
    public const int PatientRecordsApi = 5103;

    /// <summary>smtp4dev's web page, where the demo's emails (invitations, resets, notifications) can be read.</summary>
    public const int MailWeb = 5080;

    /// <summary>smtp4dev's SMTP port, where the IdP sends.</summary>
    public const int Smtp = 2525;

    public static string IdPUrl => Url(IdP);

    public static string Url(int port) => $"http://localhost:{port}/";
}
