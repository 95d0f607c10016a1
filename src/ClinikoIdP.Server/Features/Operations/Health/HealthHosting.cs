using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ClinikoIdP.Server.Features.Operations.Health;

/// <summary>
/// <c>/health/live</c> (the process answers; touches nothing) and <c>/health/ready</c> (database, migrations, signing
/// key), for a load balancer or an orchestrator.
/// </summary>
public static class HealthHosting
{
    public const string ReadyTag = "ready";

    /// <summary>A hung database fails readiness in this time instead of holding the probe (and the balancer) waiting.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddIdpHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<MigrationsApplied>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SigningKeyHealthCheck>(SigningKeyHealthCheck.Name, tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    /// <summary>
    /// Answered as middleware at the front of the pipeline: before error pages, sign-in redirects, antiforgery and
    /// the issuer observed from requests (a probe addresses the node, not the public name).
    /// </summary>
    public static IApplicationBuilder UseIdpHealthChecks(this IApplicationBuilder app)
    {
        app.UseHealthChecks(OperationsPaths.Live, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.UseHealthChecks(OperationsPaths.Ready, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        return app;
    }
}
