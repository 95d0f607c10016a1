using System.Globalization;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ClinikoIdP.Server.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrates the database (unless <c>Database:MigrateOnStartup</c> is false,
/// when it only checks that someone has), makes sure signing keys exist and tells a first-time operator how to create
/// the first administrator. Several nodes starting together take turns (<see cref="StartupLock"/>).
/// The web server begins this as soon as its host is built (<see cref="Begin"/>), so it runs beside the building of the
/// request pipeline; the host's start still waits for it, so no request is served before it ends.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    private readonly Lock gate = new();
    private Task? preparation;

    /// <summary>
    /// Starts preparing the database on the thread pool, once. Building the pipeline (Razor Pages discovering its
    /// pages) and preparing the database are each ~0.1–0.4 s of CPU, and on two cores they need not wait for each
    /// other (issue #7). Stopping the host cancels it.
    /// </summary>
    public Task Begin()
    {
        lock (gate)
        {
            return preparation ??= Task.Run(() => PrepareServerAsync(lifetime.ApplicationStopping));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Begin().WaitAsync(cancellationToken);

    private async Task PrepareServerAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var migrate = configuration.GetValue("Database:MigrateOnStartup", defaultValue: true);
        await PrepareAsync(scope.ServiceProvider, migrate, logger, cancellationToken);

        // The token server's options (with the keys read from the database) are built once per process. Building
        // them now, while the database is known to answer, means a database outage at the first request cannot
        // leave the node without keys until a restart.
        _ = services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;

        if (!await FirstRun.AnyAdministratorAsync(scope.ServiceProvider, cancellationToken))
        {
            Log.NoAdministrator(logger, FirstRun.CreateAdministratorCommand);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Under the start-up lock: applies pending migrations (or refuses to go on if there are some and
    /// <paramref name="migrate"/> is false), then creates the Data Protection key ring and signing keys if missing, so
    /// two nodes on an empty database never each create their own.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(
        IServiceProvider scoped, bool migrate, ILogger logger, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<IdpDbContext>();
        if (db.Database.IsSqlite())
        {
            SqliteFileAccess.CreateIfMissing(db.Database.GetConnectionString());
        }

        await using var startup = await StartupLock.AcquireAsync(db, cancellationToken);
        var pending = await PendingMigrationsAsync(db, cancellationToken);
        if (pending.Count > 0 && !migrate)
        {
            throw new InvalidOperationException(
                $"The database needs {pending.Count} migration(s) ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false; "
                + "run 'ClinikoIdP.Server admin db migrate' with this configuration first.");
        }

        await MigrateAsync(db, pending.Count > 0, logger, cancellationToken);
        scoped.GetRequiredService<IDataProtectionProvider>().CreateProtector("ClinikoIdP.Startup").Protect([1]);
        await scoped.GetRequiredService<SigningKeyStore>().EnsureActiveKeysAsync(cancellationToken);
        return pending;
    }

    /// <summary>The migrations this build has that the database lacks (without EF logging a failure on an empty database).</summary>
    public static async Task<List<string>> PendingMigrationsAsync(IdpDbContext db, CancellationToken cancellationToken)
    {
        var applied = await AppliedMigrationsAsync(db, cancellationToken);
        return [.. db.Database.GetMigrations().Where(id => !applied.Contains(id))];
    }

    /// <summary>
    /// The history table's ids, read with plain queries. EF Core's history repository would first build a model of
    /// that table by convention at run time: about 90 ms of every start on a 2-core machine (issue #7). Its
    /// <c>ExistsAsync</c> cannot stand in for the check here either: on PostgreSQL (Npgsql 10.0.3) it answers true for
    /// a database without the table.
    /// </summary>
    private static async Task<HashSet<string>> AppliedMigrationsAsync(IdpDbContext db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return applied;
        }

        const string table = HistoryRepository.DefaultTableName;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = db.Database.IsNpgsql()
                ? $"SELECT to_regclass('\"{table}\"') IS NOT NULL"
                : $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{table}')";
            if (!Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture))
            {
                return applied;
            }

            command.CommandText = $"SELECT \"MigrationId\" FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Applies migrations, then switches SQLite to WAL so the CLI and the server can share the file, and brings
    /// security events from before the audit chain into it (whichever of the server or the CLI starts first).
    /// </summary>
    public static Task MigrateAsync(IdpDbContext db, CancellationToken cancellationToken) =>
        MigrateAsync(db, NullLogger.Instance, cancellationToken);

    public static Task MigrateAsync(IdpDbContext db, ILogger logger, CancellationToken cancellationToken) =>
        MigrateAsync(db, anyPending: true, logger, cancellationToken);

    /// <param name="anyPending">
    /// False when <see cref="PendingMigrationsAsync"/> just found none: EF Core's migrator is then skipped, because even
    /// with nothing to apply it compares the model with the migrations' snapshot: about half a second of every start
    /// on a 2-core machine (issue #7).
    /// </param>
    private static async Task MigrateAsync(IdpDbContext db, bool anyPending, ILogger logger, CancellationToken cancellationToken)
    {
        if (anyPending)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            SqliteFileAccess.RestrictToOwner(db.Database.GetConnectionString());
        }

        await AuditChainSealer.SealEarlierEventsAsync(db, logger, cancellationToken);
    }
}
