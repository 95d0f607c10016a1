using System.Collections.Concurrent;
using System.Diagnostics;
using ClinikoIdP.Bench.Processes;

namespace ClinikoIdP.Bench.Load;

/// <summary>
/// A load generator for flows wrk cannot script (each request needs what an earlier one returned): N loops on real
/// sockets, each running one operation after another until the time is up or the work runs out. Reported like a wrk run.
/// </summary>
public static class ConcurrentLoad
{
    /// <summary>What one operation did. <see cref="NoWorkLeft"/> ends its loop and is neither timed nor counted.</summary>
    public enum Outcome
    {
        Succeeded,
        Failed,
        NoWorkLeft,
    }

    /// <param name="operation">One request (or one whole flow); it receives its loop's number.</param>
    /// <param name="failures">Where the reasons of failed operations go (the first few are enough).</param>
    public static async Task<LoadSlice> Run(
        int connections, TimeSpan duration, int serverPid, Func<int, Task<Outcome>> operation, ConcurrentQueue<string> failures)
    {
        var latencies = new ConcurrentBag<double>();
        long failed = 0;
        var cpuBefore = ProcessTree.CpuSeconds(serverPid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(loop => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                Outcome outcome;
                try
                {
                    outcome = await operation(loop);
                }
                catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or Flows.FlowFailedException or System.Text.Json.JsonException)
                {
                    if (failures.Count < 5)
                    {
                        failures.Enqueue(failure.Message);
                    }

                    outcome = Outcome.Failed;
                }

                if (outcome == Outcome.NoWorkLeft)
                {
                    return;
                }

                latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                if (outcome == Outcome.Failed)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = ProcessTree.CpuSeconds(serverPid) - cpuBefore;
        var sorted = latencies.Order().ToArray();
        return new LoadSlice(new WrkResult(connections, elapsed, sorted.Length, sorted.Length / elapsed,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99), failed, SocketErrors: 0, cpu), sorted);
    }

    /// <summary>Combines slices measured one after another (e.g. codes issued in batches) into one result.</summary>
    public static WrkResult Combine(IReadOnlyList<LoadSlice> slices)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slices.Count);
        var sorted = slices.SelectMany(s => s.Latencies).Order().ToArray();
        var seconds = slices.Sum(s => s.Result.DurationSeconds);
        return new WrkResult(slices[0].Result.Connections, seconds, sorted.Length, sorted.Length / seconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99), slices.Sum(s => s.Result.FailedResponses), SocketErrors: 0,
            slices.Sum(s => s.Result.ServerCpuSeconds));
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
}

/// <summary>One run of the load generator: its result and every latency it recorded, sorted (milliseconds).</summary>
public sealed record LoadSlice(WrkResult Result, double[] Latencies);
