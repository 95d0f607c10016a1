using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Performance;

/// <summary>
/// The settings every SQLite connection the server opens carries, on its first use and after it went back to the pool
/// (issue #7): it waits inside SQLite for the write lock (concurrent token writes spent more time retrying than
/// writing), and keeps temporary storage (statement journals) in memory rather than in files made and deleted per write.
/// </summary>
public class SqliteConnectionPragmasTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const long TempStoreMemory = 2;

    [Fact]
    public async Task ConnectionsWaitTenSecondsForTheWriteLockByDefault()
    {
        Assert.Equal((10_000L, 10_000L), await ReadTwiceAsync("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task ConnectionsKeepTemporaryStorageInMemory()
    {
        Assert.Equal((TempStoreMemory, TempStoreMemory), await ReadTwiceAsync("PRAGMA temp_store"));
    }

    private async Task<(long First, long AfterReopening)> ReadTwiceAsync(string pragma)
    {
        using var backChannel = factory.NewBackChannel();
        await backChannel.GetAsync("/.well-known/openid-configuration");

        return await factory.QueryAsync(async db =>
        {
            var first = await ReadAsync(db, pragma);
            await db.Database.CloseConnectionAsync();
            return (first, await ReadAsync(db, pragma));
        });
    }

    private static async Task<long> ReadAsync(Server.Data.IdpDbContext db, string pragma) =>
        (await db.Database.SqlQueryRaw<long>(pragma).ToListAsync()).Single();
}
