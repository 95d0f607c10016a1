using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Keys;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.PostgreSql;

/// <summary>
/// Issue 6, "Migrations": nodes starting together on an empty PostgreSQL database take turns, and a team that migrates
/// before deploying gets a node that refuses an unmigrated database.
/// </summary>
public class StartupTests
{
    [Fact]
    public async Task TwoNodesStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndCreateOneSetOfKeys()
    {
        using var database = TestDatabase.CreatePostgreSql();
        using var a = IdpFactory.On(database, TwoFactorEnforcement.Always);
        using var b = IdpFactory.On(database, TwoFactorEnforcement.Always);

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        var (activeKeys, applied, known, dataProtectionKeys) = await a.QueryAsync(async db => (
            await db.SigningKeys.Where(k => k.RetiredAt == null).Select(k => k.Use).ToListAsync(),
            (await db.Database.GetAppliedMigrationsAsync()).Count(),
            db.Database.GetMigrations().Count(),
            await db.DataProtectionKeys.CountAsync()));
        Assert.Equal([SigningKeyRecord.EncryptionUse, SigningKeyRecord.EncryptionUse, SigningKeyRecord.SigningUse], activeKeys.Order());
        Assert.Equal(known, applied);
        Assert.Equal(1, dataProtectionKeys);
    }

    [Fact]
    public async Task WithMigrateOnStartupOffANodeRefusesAnUnmigratedDatabaseUntilAdminDbMigrateRuns()
    {
        using var database = TestDatabase.CreatePostgreSql();
        var settings = new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" };
        using (var refused = new ConfiguredNode(database, settings))
        {
            var failure = Assert.ThrowsAny<Exception>(() => refused.Server);
            Assert.Contains("admin db migrate", Flatten(failure), StringComparison.Ordinal);
        }

        using var node = new ConfiguredNode(database, settings);
        var applied = await node.AdminOkAsync("db", "migrate");
        Assert.StartsWith("Applied ", applied, StringComparison.Ordinal);
        Assert.Equal("The database is up to date.", (await node.AdminOkAsync("db", "migrate")).Trim());

        using var http = node.NewBackChannel();
        Assert.True((await http.GetAsync("/.well-known/openid-configuration")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task StartUpFindsTheSamePendingMigrationsAsEfCoreOnPostgreSql()
    {
        using var database = TestDatabase.CreatePostgreSql();
        using var node = IdpFactory.On(database);
        await Operations.PendingMigrationsTests.AssertPendingMigrationsMatchEfCoreAsync(node);
    }

    [Fact]
    public async Task AdminDbBackupPointsAPostgreSqlTeamToPgDump()
    {
        using var database = TestDatabase.CreatePostgreSql();
        using var node = IdpFactory.On(database);

        var result = await node.AdminAsync("db", "backup", "--to", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump", result.Error, StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);

    private sealed class ConfiguredNode(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
        : IdpFactory(database, ownsDatabase: false, TwoFactorEnforcement.WhenRequested, settings);
}
