using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>Runs one wrk scenario against a server, keeps the raw result and notes a failed run as a problem.</summary>
public sealed class Measure(Wrk wrk, Results results)
{
    /// <summary>
    /// The same load once, not kept: a server started a moment ago is measured warm (tiered JIT, pooled connections,
    /// its caches filled), as every point after the first of a run always was.
    /// </summary>
    public async Task WarmUp(RunningServer server, string body, int connections) =>
        await wrk.PostForm(server.Token, body, connections, server.Pid);

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
