using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Hosting;

public static class DatabaseHosting
{
    public const string ConnectionStringName = "IdP";
    public const string DefaultSqliteConnectionString = "Data Source=clinikoidp.db";

    public static IServiceCollection AddIdpDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not supported by this build; use 'Sqlite'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqliteConnectionString;
        services.AddDbContext<IdpDbContext>(options =>
        {
            options.UseSqlite(connectionString);
            options.UseOpenIddict();
        });
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
