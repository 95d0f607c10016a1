using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClinikoIdP.Server.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrates the database, makes sure signing keys exist
/// and tells a first-time operator how to create the first administrator.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<IdpDbContext>(), logger, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SigningKeyStore>().EnsureActiveKeysAsync(cancellationToken);

        if (!await FirstRun.AnyAdministratorAsync(scope.ServiceProvider, cancellationToken))
        {
            Log.NoAdministrator(logger, FirstRun.CreateAdministratorCommand);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Applies migrations, then switches SQLite to WAL so the CLI and the server can share the file, and brings
    /// security events from before the audit chain into it (whichever of the server or the CLI starts first).
    /// </summary>
    public static Task MigrateAsync(IdpDbContext db, CancellationToken cancellationToken) =>
        MigrateAsync(db, NullLogger.Instance, cancellationToken);

    public static async Task MigrateAsync(IdpDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await AuditChainSealer.SealEarlierEventsAsync(db, logger, cancellationToken);
    }
}
