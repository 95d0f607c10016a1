using ClinikoIdP.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinikoIdP.Server.Data.PostgreSql;

// Lets `dotnet ef ... --context PostgreSqlIdpDbContext` build the PostgreSQL model without a server to connect to.
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlIdpDbContext>
{
    public PostgreSqlIdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlIdpDbContext>()
            .UseApplicationServiceProvider(DesignTimeServices.Build())
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsAssembly(typeof(IdpDbContext).Assembly.FullName))
            .Options;
        return new PostgreSqlIdpDbContext(options);
    }
}
