using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Performance;

/// <summary>
/// Database:SqliteBusyTimeout: every SQLite connection the server opens waits inside SQLite for the write lock
/// (issue #7: concurrent token writes spent more time retrying than writing).
/// </summary>
public class SqliteBusyTimeoutTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task ConnectionsWaitTenSecondsForTheWriteLockByDefault()
    {
        using var backChannel = factory.NewBackChannel();
        await backChannel.GetAsync("/.well-known/openid-configuration");

        var timeouts = await factory.QueryAsync(async db =>
        {
            var first = await BusyTimeoutAsync(db);
            await db.Database.CloseConnectionAsync();
            return (first, await BusyTimeoutAsync(db));
        });

        Assert.Equal((10_000L, 10_000L), timeouts);
    }

    private static async Task<long> BusyTimeoutAsync(Server.Data.IdpDbContext db) =>
        (await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync()).Single();
}
