using ClinikoIdP.Server.Features.Operations.Health;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces, registered only when an exporter is configured: an unconfigured server starts no
/// listener and pays nothing for instrumentation (issue #7 measures start-up time and idle memory).
/// </summary>
public static class TelemetryHosting
{
    public const string ServiceName = "ClinikoIdP";

    /// <summary>The meter, for the web server and the admin command line alike (features count into it either way).</summary>
    public static IServiceCollection AddIdpMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<IdpMetrics>();
        return services;
    }

    public static IServiceCollection AddIdpTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddOpenIddict().AddServer(server => server.AddEventHandler(CountIssuedTokens.Descriptor));
        if (!options.Exports)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(IdpMetrics.MeterName, "Microsoft.EntityFrameworkCore")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation();
            if (options.ExportsOtlp)
            {
                metrics.AddOtlpExporter(exporter => exporter.Endpoint = options.OtlpEndpoint!);
            }

            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }
        });

        if (options.ExportsOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !OperationsPaths.IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = options.OtlpEndpoint!));
        }

        return services;
    }
}
