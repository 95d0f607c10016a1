using ClinikoIdP.Server.Features.Operations.Health;
using ClinikoIdP.Server.Features.Operations.Logs;
using ClinikoIdP.Server.Features.Operations.Telemetry;

namespace ClinikoIdP.Server.Features.Operations;

/// <summary>What an operations team reads from a node: health probes, metrics and traces, and logs.</summary>
public static class OperationsHosting
{
    public static WebApplicationBuilder AddIdpOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddIdpLogFormat(builder.Configuration, builder.Environment);
        builder.Services.AddSafeLogging();
        builder.Services.AddIdpHealthChecks();
        var telemetry = TelemetryOptions.From(builder.Configuration);
        builder.Services.AddIdpTelemetry(telemetry);
        if (telemetry.Prometheus)
        {
            builder.Services.AddSingleton(new PrometheusAccess(telemetry.ParseAllowedNetworks()));
        }

        return builder;
    }

    /// <summary>Goes first in the pipeline (after forwarded headers), so probes and scrapes skip everything meant for people.</summary>
    public static IApplicationBuilder UseIdpOperations(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseIdpHealthChecks();
        if (app.ApplicationServices.GetService<PrometheusAccess>() is { } access)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(access.Allows);
        }

        return app;
    }
}
