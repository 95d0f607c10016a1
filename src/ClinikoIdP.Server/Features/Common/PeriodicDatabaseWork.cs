using System.Data.Common;

namespace ClinikoIdP.Server.Features.Common;

/// <summary>
/// Background work that runs every <see cref="Interval"/> (real time, not the injected clock: a test that moves the
/// clock by days must not set off rounds) and rides out a database outage: a round that cannot reach the database is
/// reported to <see cref="OnDatabaseUnavailable"/>, and the next tick tries again.
/// </summary>
public abstract class PeriodicDatabaseWork : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void OnDatabaseUnavailable(Exception unreachable);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception unreachable) when (unreachable is DbException or TimeoutException or InvalidOperationException)
            {
                OnDatabaseUnavailable(unreachable);
            }
        }
    }
}
