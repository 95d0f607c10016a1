using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace ClinikoIdP.Server.Features.Operations.Health;

/// <summary>
/// Ready when an active signing key exists and the token server has loaded one. The first probe loads the keys (so a
/// node is warm before the load balancer sends it users); the stored key is looked up first, so a database outage
/// fails here rather than inside the token server's option building.
/// </summary>
public sealed class SigningKeyHealthCheck(IDbContextFactory<IdpDbContext> contexts, IOptionsMonitor<OpenIddictServerOptions> serverOptions) : IHealthCheck
{
    public const string Name = "signing_key";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A context of its own, never a pooled one: a query abandoned at the timeout may still be running on it.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.SigningKeys.AsNoTracking()
            .AnyAsync(k => k.Use == SigningKeyRecord.SigningUse && k.RetiredAt == null, cancellationToken)
            .WaitAsync(cancellationToken);
        if (!stored)
        {
            return HealthCheckResult.Unhealthy("no active signing key");
        }

        var loaded = serverOptions.CurrentValue.SigningCredentials.Any(credentials => credentials.Key is AsymmetricSecurityKey);
        return loaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("signing key not loaded");
    }
}
