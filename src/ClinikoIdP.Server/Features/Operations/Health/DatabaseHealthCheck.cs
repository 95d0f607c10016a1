using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinikoIdP.Server.Features.Operations.Health;

/// <summary>
/// Ready when the database answers a query and has every migration this build knows. A failure throws: the health
/// check service turns it into "unhealthy" and logs it, and the response never shows its message.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<IdpDbContext> contexts, MigrationsApplied migrations) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // WaitAsync: a provider that ignores cancellation (a hung connection) must not hold the probe past its timeout.
        // So the context is one of its own, never a pooled one: the abandoned query may still be running on it.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken).WaitAsync(cancellationToken);
        if (!migrations.Confirmed)
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).WaitAsync(cancellationToken);
            if (pending.Any())
            {
                return HealthCheckResult.Unhealthy("migrations pending");
            }

            migrations.Confirm();
        }

        return HealthCheckResult.Healthy();
    }
}
