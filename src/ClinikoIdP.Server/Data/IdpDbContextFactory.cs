using ClinikoIdP.Server.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// A fresh context of the configured provider, for work that must commit on its own whatever the request's context
/// holds (audit events, notification queuing).
/// </summary>
public sealed class IdpDbContextFactory(IServiceProvider services, DatabaseProvider provider) : IDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext() => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlIdpDbContext(services.GetRequiredService<DbContextOptions<PostgreSqlIdpDbContext>>()),
        _ => new IdpDbContext(services.GetRequiredService<DbContextOptions<IdpDbContext>>()),
    };
}
