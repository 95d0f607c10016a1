using System.Net;

namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>The <c>Telemetry</c> configuration section: where metrics and traces go. Nothing is exported when it is empty.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The standard variable OpenTelemetry's exporter reads when <see cref="OtlpEndpoint"/> is not set.</summary>
    public const string StandardOtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>An OTLP collector (for example <c>http://collector:4317</c>) to push metrics and traces to.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Serves <c>/metrics</c> for a Prometheus scraper.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Addresses or CIDR ranges allowed to read <c>/metrics</c>; loopback only when empty.</summary>
    public IList<string> PrometheusAllowedNetworks { get; } = [];

    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.OtlpEndpoint is null && Uri.TryCreate(configuration[StandardOtlpEndpointVariable], UriKind.Absolute, out var standard))
        {
            options.OtlpEndpoint = standard;
        }

        return options;
    }

    public bool ExportsOtlp => OtlpEndpoint is not null;

    public bool Exports => ExportsOtlp || Prometheus;

    /// <summary>The parsed <see cref="PrometheusAllowedNetworks"/>; a malformed entry stops start-up rather than open the endpoint wider.</summary>
    public IReadOnlyList<IPNetwork> ParseAllowedNetworks()
    {
        if (PrometheusAllowedNetworks.Count == 0)
        {
            return [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
        }

        return [.. PrometheusAllowedNetworks.Select(ParseNetwork)];
    }

    private static IPNetwork ParseNetwork(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }

        throw new InvalidOperationException(
            $"Telemetry:PrometheusAllowedNetworks has '{entry}', which is neither an IP address nor a CIDR range such as 10.0.0.0/8.");
    }
}
