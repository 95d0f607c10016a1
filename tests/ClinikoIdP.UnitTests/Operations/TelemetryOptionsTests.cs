using System.Net;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ClinikoIdP.UnitTests.Operations;

public class TelemetryOptionsTests
{
    private static TelemetryOptions From(params (string Key, string Value)[] settings) =>
        TelemetryOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    private static bool Allows(TelemetryOptions options, string address, string path = "/metrics")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return new PrometheusAccess(options.ParseAllowedNetworks()).Allows(context);
    }

    [Fact]
    public void ExportsNothingWhenUnconfigured() => Assert.False(From().Exports);

    [Fact]
    public void TheStandardOtlpVariableTurnsExportOn()
    {
        var options = From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));

        Assert.True(options.ExportsOtlp);
        Assert.Equal(new Uri("http://collector:4317"), options.OtlpEndpoint);
    }

    [Fact]
    public void TheOwnKeyWinsOverTheStandardVariable()
    {
        var options = From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://other:4317"), ("Telemetry:OtlpEndpoint", "http://collector:4318"));

        Assert.Equal(new Uri("http://collector:4318"), options.OtlpEndpoint);
    }

    [Fact]
    public void MetricsAreForLoopbackOnlyByDefault()
    {
        var options = From(("Telemetry:Prometheus", "true"));

        Assert.True(Allows(options, "127.0.0.1"));
        Assert.True(Allows(options, "::1"));
        Assert.False(Allows(options, "10.1.2.3"));
        Assert.False(Allows(options, "127.0.0.1", "/metricsx"));
    }

    [Fact]
    public void MetricsAreForTheListedNetworksAndAddresses()
    {
        var options = From(("Telemetry:PrometheusAllowedNetworks:0", "10.20.0.0/16"), ("Telemetry:PrometheusAllowedNetworks:1", "192.0.2.7"));

        Assert.True(Allows(options, "10.20.9.9"));
        Assert.True(Allows(options, "::ffff:10.20.9.9"));
        Assert.True(Allows(options, "192.0.2.7"));
        Assert.False(Allows(options, "192.0.2.8"));
        Assert.False(Allows(options, "127.0.0.1"));
    }

    [Fact]
    public void AMalformedNetworkStopsStartUp() =>
        Assert.Throws<InvalidOperationException>(() => From(("Telemetry:PrometheusAllowedNetworks:0", "monitoring")).ParseAllowedNetworks());
}
