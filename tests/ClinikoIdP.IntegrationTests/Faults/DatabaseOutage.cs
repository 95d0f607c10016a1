using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinikoIdP.IntegrationTests.Faults;

/// <summary>
/// Makes the server's database calls fail like a dead database server: opening a connection and running a command
/// throw a provider exception. <see cref="Down"/> fails every call; <see cref="Hung"/> makes connecting hang like a
/// server that never answers; <see cref="FailCommandNumber"/> fails only the Nth command from now (to cut a change off
/// half-way).
/// </summary>
public sealed class DatabaseOutage : DbConnectionInterceptor, IDbCommandInterceptor
{
    private int commandsSeen;
    private int failCommandNumber;

    private volatile bool down;
    private volatile bool hung;

    public bool Down { get => down; set => down = value; }

    public bool Hung { get => hung; set => hung = value; }

    /// <summary>Fails the Nth command counted from now (1 = the next one); 0 turns it off.</summary>
    public int FailCommandNumber
    {
        get => failCommandNumber;
        set
        {
            Interlocked.Exchange(ref commandsSeen, 0);
            failCommandNumber = value;
        }
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Hung)
        {
            // A server that accepts the connection and never answers, ignoring cancellation as a stuck driver would.
            await Task.Delay(TimeSpan.FromSeconds(20), CancellationToken.None);
        }

        ThrowWhenDown();
        return result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowWhenDown();
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Command();
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Command();
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Command();
        return result;
    }

    private void Command()
    {
        ThrowWhenDown();
        if (failCommandNumber > 0 && Interlocked.Increment(ref commandsSeen) == failCommandNumber)
        {
            throw new DeadServerException();
        }
    }

    private void ThrowWhenDown()
    {
        if (Down || Hung)
        {
            throw new DeadServerException();
        }
    }

    private sealed class DeadServerException() : DbException("Connection refused (the test's simulated database outage)");
}
