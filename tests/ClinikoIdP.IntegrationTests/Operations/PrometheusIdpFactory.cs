using System.Net;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>
/// The server with every exporter on: the Prometheus endpoint for a monitoring network, and OTLP towards a port where
/// nothing listens (the pipeline is built and runs; its exports fail quietly, as they must when a collector is down). The in-memory server has no peer address,
/// so each request comes from <see cref="DefaultCaller"/> unless its <see cref="CallerHeader"/> names another.
/// </summary>
public sealed class PrometheusIdpFactory() : IdpFactory(TwoFactorEnforcement.WhenRequested, new Dictionary<string, string?>
{
    ["Telemetry:Prometheus"] = "true",
    ["Telemetry:PrometheusAllowedNetworks:0"] = MonitoringNetwork,
    ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9",
})
{
    public const string MonitoringNetwork = "10.20.0.0/16";
    public const string CallerHeader = "X-Test-Peer";
    public static readonly IPAddress DefaultCaller = IPAddress.Parse("10.20.3.4");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(CallerHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString())
                    : DefaultCaller;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
