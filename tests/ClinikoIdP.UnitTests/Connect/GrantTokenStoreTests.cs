using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Connect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.UnitTests.Connect;

public sealed class GrantTokenStoreTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"grant-token-store-{Guid.NewGuid():N}.db");
    private readonly SqliteWriteTurns turns = new(sqlite: true);
    private readonly MemoryCache cache = new(new MemoryCacheOptions());

    public GrantTokenStoreTests()
    {
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task InADeferringGrantANewTokenGetsItsIdentifierAtOnceButReachesTheDatabaseOnlyAtTheEnd()
    {
        await using var db = NewContext();
        await using var scope = FirstWriteTransaction.Begin(db, turns, deferWrites: true);
        var token = NewToken();

        await StoreOn(db).CreateAsync(token, CancellationToken.None);
        token.Payload = "attached after creation";
        await StoreOn(db).UpdateAsync(token, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.False(scope.HasBegun);
        Assert.Empty(await StoredAsync());

        await scope.SaveAndCommitAsync();

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((token.Id, "attached after creation"), (stored.Id, stored.Payload));
    }

    [Fact]
    public async Task ADeferredRedemptionLosesToAnotherThatCommittedFirstAndKeepsNothing()
    {
        var presented = await SavedTokenAsync();

        await using var first = NewContext();
        await using var second = NewContext();
        var firstRead = await first.Set<OpenIddictEntityFrameworkCoreToken>().SingleAsync(t => t.Id == presented);
        var secondRead = await second.Set<OpenIddictEntityFrameworkCoreToken>().SingleAsync(t => t.Id == presented);

        await using (var winner = FirstWriteTransaction.Begin(first, turns, deferWrites: true))
        {
            firstRead.Status = "redeemed";
            await StoreOn(first).UpdateAsync(firstRead, CancellationToken.None);
            await winner.SaveAndCommitAsync();
        }

        await using (var loser = FirstWriteTransaction.Begin(second, turns, deferWrites: true))
        {
            secondRead.Status = "redeemed";
            await StoreOn(second).UpdateAsync(secondRead, CancellationToken.None);
            await StoreOn(second).CreateAsync(NewToken(), CancellationToken.None);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(loser.SaveAndCommitAsync);
        }

        Assert.Equal([presented], (await StoredAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task OutsideADeferringGrantTheStoreSavesAsOpenIddictsDoes()
    {
        await using var db = NewContext();
        await using var scope = FirstWriteTransaction.Begin(db, turns);

        await StoreOn(db).CreateAsync(NewToken(), CancellationToken.None);

        Assert.True(scope.HasBegun);
        await scope.CommitAsync();
        Assert.Single(await StoredAsync());
    }

    public void Dispose()
    {
        cache.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private static OpenIddictEntityFrameworkCoreToken NewToken() => new()
    {
        Type = "refresh_token",
        Status = "valid",
        Subject = "someone",
        CreationDate = DateTime.UtcNow,
    };

    private async Task<string> SavedTokenAsync()
    {
        await using var db = NewContext();
        var token = NewToken();
        await StoreOn(db).CreateAsync(token, CancellationToken.None);
        return token.Id!;
    }

    private async Task<List<OpenIddictEntityFrameworkCoreToken>> StoredAsync()
    {
        await using var db = NewContext();
        return await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking().ToListAsync();
    }

    private GrantTokenStore StoreOn(IdpDbContext db) => new(cache, new ContextOf(db), new StoreOptions());

    private IdpDbContext NewContext() => new(new DbContextOptionsBuilder<IdpDbContext>()
        .UseSqlite($"Data Source={file}").UseOpenIddict()
        .AddInterceptors(FirstWriteTransaction.Interceptor).Options);

    private sealed class ContextOf(DbContext db) : IOpenIddictEntityFrameworkCoreContext
    {
        public ValueTask<DbContext> GetDbContextAsync(CancellationToken cancellationToken) => new(db);
    }

    private sealed class StoreOptions : IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions>
    {
        public OpenIddictEntityFrameworkCoreOptions CurrentValue { get; } = new();

        public OpenIddictEntityFrameworkCoreOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<OpenIddictEntityFrameworkCoreOptions, string?> listener) => null;
    }
}
