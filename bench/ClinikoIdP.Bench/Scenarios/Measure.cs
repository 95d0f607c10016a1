using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>Runs one wrk scenario against a server, keeps the raw result and notes a failed run as a problem.</summary>
public sealed class Measure(Wrk wrk, Results results)
{
    private static readonly WarmUpPlan TokenWarmUp = new(TimeSpan.FromSeconds(5), FewestBursts: 6, MostBursts: 12);

    private static readonly WarmUpPlan StaticWarmUp = new(TimeSpan.FromSeconds(3), FewestBursts: 3, MostBursts: 8);

    /// <summary>
    /// The same load in 5-second bursts, not kept: at least half a minute, then until a burst is no more than 5% faster
    /// than the best before it (at most a minute in all; one slow burst on a noisy machine must not end it early), so a
    /// server started a moment ago is measured at the speed it keeps. A .NET process keeps getting faster for about half
    /// a minute of load (tiered JIT with dynamic PGO recompiles its hot methods in the background, on the same cores the
    /// load uses): on 2 cores its first 5 s ran at 40–60% of that speed. The first burst and how long the warm-up took
    /// are returned, so the table can show the cold start too.
    /// </summary>
    public Task<WarmUpResult> WarmUp(RunningServer server, string body, int connections) =>
        WarmUp(server, TokenWarmUp, burst => wrk.PostForm(server.Token, body, connections, server.Pid, burst));

    /// <summary>
    /// The same for a GET of a document served from memory (discovery, JWKS), in 3-second bursts for 9–24 s: measured
    /// cold, right after start-up, it read at a third of the speed it settles at a few seconds later (21,151 against
    /// 59,421 requests/s for discovery on the same build), which says more about the JIT than about the endpoint.
    /// </summary>
    public Task<WarmUpResult> WarmUpGet(RunningServer server, Uri url, int connections) =>
        WarmUp(server, StaticWarmUp, burst => wrk.Get(url, connections, server.Pid, burst));

    private static async Task<WarmUpResult> WarmUp(RunningServer server, WarmUpPlan plan, Func<TimeSpan, Task<WrkResult>> load)
    {
        var first = await load(plan.Burst);
        var best = first.RequestsPerSecond;
        var bursts = 1;
        while (bursts < plan.MostBursts)
        {
            var next = await load(plan.Burst);
            bursts++;
            var rising = next.RequestsPerSecond > best * 1.05;
            best = Math.Max(best, next.RequestsPerSecond);
            if (!rising && bursts >= plan.FewestBursts)
            {
                break;
            }
        }

        Console.WriteLine($"  {server.Name,-14} warmed up in {bursts} × {plan.Burst.TotalSeconds:N0} s: {first.RequestsPerSecond:N0}/s in the first, {best:N0}/s at best");
        return new WarmUpResult(first.Clean ? first : null, bursts * plan.Burst.TotalSeconds);
    }

    public async Task<WrkResult?> Post(string key, RunningServer server, string body, int connections) =>
        Keep(key, server, await wrk.PostForm(server.Token, body, connections, server.Pid));

    public async Task<WrkResult?> Get(string key, RunningServer server, Uri url, int connections) =>
        Keep(key, server, await wrk.Get(url, connections, server.Pid));

    /// <summary>Keeps a run of the .NET load generator, with the reasons of its first failures when it had any.</summary>
    public WrkResult? Keep(string key, RunningServer server, WrkResult result, IEnumerable<string> failureReasons)
    {
        var kept = Keep(key, server, result);
        if (kept is null && failureReasons.FirstOrDefault() is { } reason)
        {
            results.Problems.Add($"{server.Name}, {key}: first failure: {reason}");
        }

        return kept;
    }

    private WrkResult? Keep(string key, RunningServer server, WrkResult result)
    {
        results.Runs[$"{server.Name}: {key}"] = result;
        Console.WriteLine($"  {server.Name,-14} {key,-40} {result.RequestsPerSecond,9:N0}/s  p50 {result.P50Milliseconds,7:N2} ms  p99 {result.P99Milliseconds,7:N2} ms{(result.Clean ? "" : $"  FAILED {result.FailedResponses} non-2xx, {result.SocketErrors} socket errors")}");
        if (result.Clean)
        {
            return result;
        }

        results.Problems.Add($"{server.Name}, {key}: {result.FailedResponses} responses were not 2xx and {result.SocketErrors} socket errors out of {result.Requests} requests.");
        return null;
    }
}

/// <summary>How a warm-up runs: bursts of <paramref name="Burst"/>, at least <paramref name="FewestBursts"/>, at most <paramref name="MostBursts"/>.</summary>
internal sealed record WarmUpPlan(TimeSpan Burst, int FewestBursts, int MostBursts);

/// <summary>The first burst of a warm-up (null when it had failures) and the seconds of load the warm-up took.</summary>
public sealed record WarmUpResult(WrkResult? First, double Seconds);
