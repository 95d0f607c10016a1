using System.CommandLine;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary><c>admin db migrate</c> and <c>admin db backup</c>: for teams that upgrade the schema before deploying.</summary>
internal static class DatabaseCommands
{
    public static Command Build(CliRuntime runtime)
    {
        var migrate = new Command("migrate", "Apply pending schema migrations (under the same lock nodes take at start-up), then exit.");
        runtime.SetAction(migrate, async (services, _, ct) =>
        {
            var applied = await DatabaseInitializer.PrepareAsync(services, migrate: true, NullLogger.Instance, ct);
            await runtime.Output.WriteLineAsync(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        }, prepareDatabase: false);

        var to = new Option<FileInfo>("--to")
        {
            Description = "The backup file to write (must not exist yet).",
            Required = true,
        };
        var backup = new Command("backup", "Copy a SQLite database with SQLite's online backup API, safe while the server runs. "
            + "For PostgreSQL use pg_dump (see docs/operations.md).")
        {
            to,
        };
        runtime.SetAction(backup, async (services, parsed, ct) =>
        {
            var target = parsed.GetValue(to)!;
            var copied = await BackupAsync(services.GetRequiredService<IdpDbContext>(), target, ct);
            await runtime.Output.WriteLineAsync($"Backed up {copied} to {target.FullName}.");
        }, prepareDatabase: false);

        return new Command("db", "Migrate or back up the database.") { migrate, backup };
    }

    /// <summary>Writes a consistent copy of the live database file and returns the source's path.</summary>
    public static async Task<string> BackupAsync(IdpDbContext db, FileInfo target, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            throw new OperationRefusedException(
                "admin db backup copies SQLite databases; back up PostgreSQL with pg_dump (docs/operations.md, \"Backup and restore\").");
        }

        if (target.Exists)
        {
            throw new OperationRefusedException($"{target.FullName} already exists; choose a new file name so no backup is overwritten.");
        }

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (!File.Exists(source.DataSource))
        {
            throw new OperationRefusedException($"there is no database at {Path.GetFullPath(source.DataSource)} to back up.");
        }

        target.Directory?.Create();
        // Owner-only from its first byte: the copy holds the same hashes and encrypted secrets as the database itself.
        SqliteFileAccess.CreateOwnerOnly(target.FullName);
        await using var from = new SqliteConnection(source.ConnectionString);
        await from.OpenAsync(cancellationToken);
        await using var into = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target.FullName,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ConnectionString);
        await into.OpenAsync(cancellationToken);
        from.BackupDatabase(into);
        await into.CloseAsync();
        return Path.GetFullPath(source.DataSource);
    }
}
