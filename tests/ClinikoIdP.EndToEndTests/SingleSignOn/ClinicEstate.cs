extern alias ClinicAppointments;
extern alias ClinicBilling;
extern alias ClinicPatientRecordsApi;

using System.Security.Cryptography;
using ClinikoIdP.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using AppointmentsEntry = ClinicAppointments::Clinic.Appointments.Hosting.ClinikoIdPSettings;
using BillingEntry = ClinicBilling::Clinic.Billing.Hosting.ClinikoIdPSettings;
using PatientRecordsEntry = ClinicPatientRecordsApi::Clinic.PatientRecords.Api.ClinikoIdPSettings;

namespace ClinikoIdP.EndToEndTests.SingleSignOn;

/// <summary>
/// The whole demo in one process: ClinikoIdP, Clinic.PatientRecords.Api, Clinic.Appointments and Clinic.Billing, each
/// on its own loopback port, registered exactly as the samples' READMEs say, and one headless Chromium.
/// </summary>
public sealed class ClinicEstate : IAsyncLifetime
{
    public const string AppointmentsClientId = "clinic-appointments";
    public const string BillingClientId = "clinic-billing";

    private readonly List<IAsyncDisposable> hosts = [];
    private readonly string appointmentsSecret = NewSecret();
    private readonly string billingSecret = NewSecret();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IdpServer Idp { get; } = new();

    public SampleHost<PatientRecordsEntry> Api { get; private set; } = null!;

    public SampleHost<AppointmentsEntry> Appointments { get; private set; } = null!;

    public SampleHost<BillingEntry> Billing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(BrowserFixture.ChromiumPath), $"{BrowserFixture.ChromiumPath} is missing: install Debian's chromium (./test.sh does).");
        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A page in a new, empty browser profile.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (browser ?? throw new InvalidOperationException("The estate has not started.")).NewContextAsync(new()
        {
            ViewportSize = BrowserFixture.Desktop,
            Locale = "en-AU",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        for (var i = hosts.Count - 1; i >= 0; i--)
        {
            await hosts[i].DisposeAsync();
        }

        hosts.Clear();
    }

    private async Task StartAsync()
    {
        hosts.Add(Idp);
        Idp.Start();
        var authority = Idp.BaseAddress.ToString();

        Api = Started(new SampleHost<PatientRecordsEntry>(new Dictionary<string, string?>
        {
            ["ClinikoIdP:Authority"] = authority,
            ["ClinikoIdP:Audience"] = "patient-records-api",
        }));
        Appointments = Started(new SampleHost<AppointmentsEntry>(new Dictionary<string, string?>
        {
            ["ClinikoIdP:Authority"] = authority,
            ["ClinikoIdP:ClientId"] = AppointmentsClientId,
            ["ClinikoIdP:ClientSecret"] = appointmentsSecret,
            ["PatientRecordsApi:BaseUrl"] = Api.BaseAddress.ToString(),
        }));
        Billing = Started(new SampleHost<BillingEntry>(new Dictionary<string, string?>
        {
            ["ClinikoIdP:Authority"] = authority,
            ["ClinikoIdP:ClientId"] = BillingClientId,
            ["ClinikoIdP:ClientSecret"] = billingSecret,
        }));

        await RegisterAsync();

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The API's scope and the two clients, as in the samples' READMEs, with each app's real address.</summary>
    private async Task RegisterAsync()
    {
        await Idp.AdminAsync("scope", "create", "--name", "patients.read", "--resource", "patient-records-api",
            "--display-name", "Read patient records");
        await Idp.AdminAsync(
            "client", "create", "--client-id", AppointmentsClientId, "--secret", appointmentsSecret, "--display-name", "Appointments",
            "--redirect-uri", Appointments.Url("signin-oidc").ToString(),
            "--post-logout-redirect-uri", Appointments.Url("signout-callback-oidc").ToString(),
            "--backchannel-logout-uri", Appointments.Url("backchannel-logout").ToString(),
            "--scope", "openid", "--scope", "profile", "--scope", "email", "--scope", "offline_access", "--scope", "patients.read");
        await Idp.AdminAsync(
            "client", "create", "--client-id", BillingClientId, "--secret", billingSecret, "--display-name", "Billing",
            "--redirect-uri", Billing.Url("callback/login/clinikoidp").ToString(),
            "--post-logout-redirect-uri", Billing.Url("callback/logout/clinikoidp").ToString(),
            "--backchannel-logout-uri", Billing.Url("backchannel-logout").ToString(),
            "--scope", "openid", "--scope", "profile", "--scope", "email",
            "--require-mfa");
    }

    private SampleHost<T> Started<T>(SampleHost<T> host)
        where T : class
    {
        hosts.Add(host);
        return host.Start();
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}
