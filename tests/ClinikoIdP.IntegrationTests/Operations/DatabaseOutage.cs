using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>Breaks every new database connection while <see cref="Down"/> or <see cref="Hung"/> is set: an outage on demand.</summary>
public sealed class DatabaseOutage : DbConnectionInterceptor
{
    private volatile bool down;
    private volatile bool hung;

    public bool Down { get => down; set => down = value; }

    public bool Hung { get => hung; set => hung = value; }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Hung)
        {
            // A server that accepts the connection and never answers, ignoring cancellation as a stuck driver would.
            await Task.Delay(TimeSpan.FromSeconds(20), CancellationToken.None);
        }

        return Down ? throw new SimulatedOutageException() : result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Down || Hung ? throw new SimulatedOutageException() : result;

    private sealed class SimulatedOutageException() : DbException("The database server is unreachable (simulated outage at db.internal:5432).");
}
