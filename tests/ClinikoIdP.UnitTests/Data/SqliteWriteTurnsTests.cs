using ClinikoIdP.Server.Data;

namespace ClinikoIdP.UnitTests.Data;

public class SqliteWriteTurnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OnSqliteTheNextWriterWaitsUntilTheTurnBeforeItEnds()
    {
        using var turns = new SqliteWriteTurns(sqlite: true);
        var first = await turns.WaitForTurnAsync(CancellationToken.None);
        var second = turns.WaitForTurnAsync(CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task EndingATurnTwiceLetsOnlyOneMoreWriterIn()
    {
        using var turns = new SqliteWriteTurns(sqlite: true);
        var first = await turns.WaitForTurnAsync(CancellationToken.None);
        var second = turns.WaitForTurnAsync(CancellationToken.None);
        var third = turns.WaitForTurnAsync(CancellationToken.None);

        first.Dispose();
        first.Dispose();
        var secondTurn = await second.WaitAsync(Patience);

        Assert.False(third.IsCompleted);
        secondTurn.Dispose();
        (await third.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task AWriterThatGivesUpWaitingLeavesTheTurnWithItsHolder()
    {
        using var turns = new SqliteWriteTurns(sqlite: true);
        var first = await turns.WaitForTurnAsync(CancellationToken.None);
        using var givingUp = new CancellationTokenSource();
        var impatient = turns.WaitForTurnAsync(givingUp.Token);
        var next = turns.WaitForTurnAsync(CancellationToken.None);

        await givingUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.False(next.IsCompleted);
        first.Dispose();
        (await next.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task OnPostgreSqlNobodyWaits()
    {
        using var turns = new SqliteWriteTurns(sqlite: false);
        var first = turns.WaitForTurnAsync(CancellationToken.None);
        var second = turns.WaitForTurnAsync(CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
        (await first).Dispose();
        (await second).Dispose();
    }
}
