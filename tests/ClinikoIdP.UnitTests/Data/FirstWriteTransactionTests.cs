using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.UnitTests.Data;

public sealed class FirstWriteTransactionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string file = Path.Combine(Path.GetTempPath(), $"first-write-{Guid.NewGuid():N}.db");
    private readonly SqliteWriteTurns turns = new(sqlite: true);

    public FirstWriteTransactionTests()
    {
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task NothingBeginsUntilTheFirstWrite()
    {
        await using var db = NewContext();
        await using var scope = FirstWriteTransaction.Begin(db, turns);

        await db.OrganisationSettings.CountAsync();

        Assert.False(scope.HasBegun);
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact]
    public async Task WritesAfterTheFirstShareItsTransactionAndARollbackUndoesThemAll()
    {
        await using (var db = NewContext())
        await using (var scope = FirstWriteTransaction.Begin(db, turns))
        {
            db.OrganisationSettings.Add(Setting("one"));
            await db.SaveChangesAsync();
            db.OrganisationSettings.Add(Setting("two"));
            await db.SaveChangesAsync();

            Assert.True(scope.HasBegun);
            await scope.RollbackAsync();
        }

        Assert.Empty(await SavedNamesAsync());
    }

    [Fact]
    public async Task ACommitKeepsEveryWrite()
    {
        await using (var db = NewContext())
        await using (var scope = FirstWriteTransaction.Begin(db, turns))
        {
            db.OrganisationSettings.Add(Setting("one"));
            await db.SaveChangesAsync();
            db.OrganisationSettings.Add(Setting("two"));
            db.SaveChanges();
            await scope.CommitAsync();
        }

        Assert.Equal(["one", "two"], await SavedNamesAsync());
    }

    [Fact]
    public async Task EndingTheScopeWithoutACommitRollsBack()
    {
        await using (var db = NewContext())
        await using (FirstWriteTransaction.Begin(db, turns))
        {
            db.OrganisationSettings.Add(Setting("one"));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SavedNamesAsync());
    }

    [Fact]
    public async Task TheWriteTurnIsTakenAtTheFirstWriteAndHeldUntilTheScopeEnds()
    {
        await using var db = NewContext();
        var scope = FirstWriteTransaction.Begin(db, turns);
        await db.OrganisationSettings.CountAsync();
        (await turns.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience)).Dispose();

        db.OrganisationSettings.Add(Setting("one"));
        await db.SaveChangesAsync();
        var next = turns.WaitForTurnAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        await scope.CommitAsync();
        await scope.DisposeAsync();
        (await next.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task AWriteAfterTheScopeEndedCommitsOnItsOwnAndTakesNoTurn()
    {
        await using var db = NewContext();
        var scope = FirstWriteTransaction.Begin(db, turns);
        await scope.DisposeAsync();

        db.OrganisationSettings.Add(Setting("later"));
        await db.SaveChangesAsync();

        Assert.Null(db.Database.CurrentTransaction);
        (await turns.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience)).Dispose();
        Assert.Equal(["later"], await SavedNamesAsync());
    }

    [Fact]
    public async Task AnotherContextInTheSameFlowWritesOnItsOwn()
    {
        await using var db = NewContext();
        await using var other = NewContext();
        await using (var scope = FirstWriteTransaction.Begin(db, turns))
        {
            other.OrganisationSettings.Add(Setting("elsewhere"));
            await other.SaveChangesAsync();

            Assert.False(scope.HasBegun);
            Assert.Null(other.Database.CurrentTransaction);
        }

        Assert.Equal(["elsewhere"], await SavedNamesAsync());
    }

    public void Dispose()
    {
        turns.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private static OrganisationSettingRecord Setting(string name) =>
        new() { Name = name, Value = "on", UpdatedAt = DateTimeOffset.UnixEpoch };

    private IdpDbContext NewContext() => new(new DbContextOptionsBuilder<IdpDbContext>()
        .UseSqlite($"Data Source={file}").UseOpenIddict()
        .AddInterceptors(FirstWriteTransaction.Interceptor).Options);

    private async Task<List<string>> SavedNamesAsync()
    {
        await using var db = NewContext();
        return await db.OrganisationSettings.Select(s => s.Name).OrderBy(n => n).ToListAsync();
    }
}
