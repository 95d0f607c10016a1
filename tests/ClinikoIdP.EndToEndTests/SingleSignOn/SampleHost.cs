using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.EndToEndTests.SingleSignOn;

/// <summary>
/// One of the clinic samples, unchanged, on a real loopback port in Development (plain HTTP), configured only through
/// the settings its README documents. <typeparamref name="TEntryPoint"/> is any public type of the sample's assembly.
/// </summary>
public sealed class SampleHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public SampleHost(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri Url(string path) => new(BaseAddress, path);

    public SampleHost<TEntryPoint> Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // The samples' appsettings.json log at Information; the test output needs warnings only.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
