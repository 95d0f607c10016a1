using System.Net;
using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// The whole server on a real loopback port (Kestrel) so a real browser can reach it, in Development (plain HTTP on
/// loopback, cookies without the __Host- prefix) with the default "Always" two-factor policy and its own SQLite file.
/// It sends email to a real SMTP server on loopback (<see cref="Mail"/>), unless made without email.
/// </summary>
public sealed class IdpServer : WebApplicationFactory<Program>, IIdentityProvider
{
    public const string ClinicName = "Harbourside Clinic";

    private readonly string hostName;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "clinikoidp-e2e-" + Guid.NewGuid().ToString("N"));

    public IdpServer()
        : this(email: true)
    {
    }

    /// <param name="email">False for a server whose email is not configured (what the console shows then).</param>
    /// <param name="hostName">
    /// The host name browsers use (still on 127.0.0.1). WebAuthn needs a domain as its RP ID, never an IP address, and
    /// http://localhost is a secure context: passkey stories use "localhost".
    /// </param>
    public IdpServer(bool email, string hostName = "127.0.0.1")
    {
        this.hostName = hostName;
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:IdP"] = $"Data Source={Path.Combine(directory, "idp.db")}",
            ["TwoFactor:Enforcement"] = "Always",
            ["TwoFactor:Issuer"] = ClinicName,
        };
        if (email)
        {
            Mail = LoopbackSmtpServer.Start();
            settings["Email:Smtp:Host"] = "127.0.0.1";
            settings["Email:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Email:Smtp:Security"] = "None";
            settings["Email:From"] = "no-reply@harbourside.test";
        }

        Settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The mail server the IdP sends to (null when email is off): stories read the messages people would get.</summary>
    public LoopbackSmtpServer? Mail { get; }

    /// <summary>http://127.0.0.1:PORT/ (or the host name it was made with) once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new UriBuilder(addresses.Single()) { Host = hostName, Path = "/" }.Uri;
    }

    /// <summary>Runs <c>admin ARGS…</c> in-process against this server's database, as an operator would; it must succeed.</summary>
    public Task<string> AdminAsync(params string[] args) => AdminOkAsync(Settings, args);

    /// <summary>Runs <c>admin ARGS…</c> in-process with the given configuration; it must succeed.</summary>
    public static async Task<string> AdminOkAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommandLine.RunAsync(["admin", .. args], output, error, settings);
        Assert.True(exitCode == 0, $"admin {string.Join(' ', args)} failed ({exitCode}): {error}");
        return output.ToString();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A handle still open elsewhere; the temporary directory is cleaned by the OS eventually.
            }
        }
    }
}
