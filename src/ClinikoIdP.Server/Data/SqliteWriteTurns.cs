namespace ClinikoIdP.Server.Data;

/// <summary>
/// Lets this process's token-grant transactions take SQLite's single write lock one at a time, in turn. A writer that
/// finds SQLite's lock taken sleeps and retries (<c>busy_timeout</c>: naps of 1, 2, 5 … up to 100 ms), so under a
/// burst of grants the lock sat free while the waiting transactions slept: 8 concurrent refresh grants ran at ~65 per
/// second with p99 over a second. Waiting here instead hands the lock on the moment it is released. Other processes on
/// the same file (the command line) and this process's short writes still meet <c>busy_timeout</c>. On PostgreSQL,
/// which locks rows rather than the database, nobody waits.
/// </summary>
public sealed class SqliteWriteTurns(bool sqlite) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for this process's previous grant transaction to end; dispose the result when this one has.</summary>
    public async Task<IDisposable> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (!sqlite)
        {
            return NoTurn.Instance;
        }

        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    /// <summary>The same, for the rare synchronous <c>SaveChanges</c>.</summary>
    public IDisposable WaitForTurn()
    {
        if (!sqlite)
        {
            return NoTurn.Instance;
        }

        turn.Wait();
        return new Turn(turn);
    }

    public void Dispose() => turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
