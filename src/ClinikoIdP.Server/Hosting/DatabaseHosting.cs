using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Hosting;

public static class DatabaseHosting
{
    public const string ConnectionStringName = "IdP";
    public const string DefaultSqliteConnectionString = "Data Source=clinikoidp.db";

    public static IServiceCollection AddIdpDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL but ConnectionStrings:IdP is not set; give it a Npgsql connection string, "
                    + "e.g. \"Host=db.internal;Database=clinikoidp;Username=clinikoidp;Password=...\".");
            }

            services.AddDbContextPool<IdpDbContext, PostgreSqlIdpDbContext>(
                options => options.UseNpgsql(connectionString).UseOpenIddict()
                    .AddInterceptors(DatabaseFailureWitness.Instance, FirstWriteTransaction.Interceptor));
        }
        else
        {
            var busyTimeout = configuration.GetValue(SqliteConnectionPragmas.BusyTimeoutSetting, SqliteConnectionPragmas.DefaultBusyTimeout);
            services.AddDbContextPool<IdpDbContext>(
                options => options.UseSqlite(connectionString ?? DefaultSqliteConnectionString).UseOpenIddict()
                    .AddInterceptors(DatabaseFailureWitness.Instance, FirstWriteTransaction.Interceptor, new SqliteConnectionPragmas(busyTimeout)));
        }

        services.AddSingleton<IDbContextFactory<IdpDbContext>>(sp => new IdpDbContextFactory(sp, provider));
        services.AddSingleton(new SqliteWriteTurns(provider == DatabaseProvider.Sqlite));
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());
        return services;
    }

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var configured = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(configured) || string.Equals(configured, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (string.Equals(configured, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            || string.Equals(configured, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.PostgreSql;
        }

        throw new InvalidOperationException($"Database:Provider '{configured}' is not known; use 'Sqlite' (the default) or 'PostgreSQL'.");
    }
}
