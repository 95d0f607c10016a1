using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>
/// Start-up reads the migration history with a plain query instead of EF Core's history repository (issue #7). It must
/// find exactly what EF Core finds, or a node would skip a migration or refuse a migrated database.
/// </summary>
public class PendingMigrationsTests
{
    [Fact]
    public async Task StartUpFindsTheSamePendingMigrationsAsEfCoreOnSqlite()
    {
        using var database = TestDatabase.CreateTemporary();
        using var node = IdpFactory.On(database);
        await AssertPendingMigrationsMatchEfCoreAsync(node);
    }

    /// <summary>
    /// On a migrated database nothing is pending; with the last migration's history row removed, that one migration
    /// is pending, as EF Core reports it.
    /// </summary>
    internal static async Task AssertPendingMigrationsMatchEfCoreAsync(IdpFactory node)
    {
        _ = node.Server;
        var (upToDate, efUpToDate) = await node.QueryAsync(async db => (
            await DatabaseInitializer.PendingMigrationsAsync(db, CancellationToken.None),
            (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.Empty(upToDate);
        Assert.Empty(efUpToDate);

        var (last, pending, efPending) = await node.QueryAsync(async db =>
        {
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
            return (last,
                await DatabaseInitializer.PendingMigrationsAsync(db, CancellationToken.None),
                (await db.Database.GetPendingMigrationsAsync()).ToList());
        });
        Assert.Equal([last], pending);
        Assert.Equal(efPending, pending);
    }
}
