using System.Collections.Concurrent;
using System.Diagnostics;
using ClinikoIdP.Bench.Flows;
using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Targets;
using static ClinikoIdP.Bench.Load.ConcurrentLoad;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// Authorization-code exchanges. A code lives 60 s (OpenIddictHosting sets the lifetime), so codes are issued in batches,
/// each just before the slice that redeems it: signed-in browsers authorize again and again without signing in (their
/// session cookies suffice), each request with its own PKCE pair; then the loops redeem the batch. Only redeeming is timed.
/// </summary>
public sealed class CodeExchange(
    RunningServer server, BenchWebClient client, IReadOnlyList<BenchBrowser> browsers, HttpClient http, Measure measure, int connections, TimeSpan duration)
{
    private const int PilotCodes = 200;

    // Well inside the code lifetime: a batch is issued in at most this long, leaving the rest for redeeming it.
    private static readonly TimeSpan MaxIssuing = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<string> failures = new();

    public async Task<WrkResult?> Run()
    {
        Console.WriteLine("Authorization-code exchanges...");
        var (pilot, issuedPerSecond) = await Slice(PilotCodes);
        var redeemedPerSecond = Math.Max(1, pilot.Result.RequestsPerSecond);
        var maxBatch = Math.Max(PilotCodes, (int)(issuedPerSecond * MaxIssuing.TotalSeconds));
        var slices = new List<LoadSlice>();
        while (slices.Sum(s => s.Result.DurationSeconds) < duration.TotalSeconds)
        {
            var remaining = duration.TotalSeconds - slices.Sum(s => s.Result.DurationSeconds);
            var (slice, _) = await Slice(Math.Clamp((int)(redeemedPerSecond * remaining * 1.1), PilotCodes, maxBatch));
            slices.Add(slice);
            redeemedPerSecond = Math.Max(1, slice.Result.RequestsPerSecond);
        }

        return measure.Keep($"authorization_code exchange, {connections} conn.", server, Combine(slices), failures);
    }

    private async Task<(LoadSlice Slice, double IssuedPerSecond)> Slice(int count)
    {
        var clock = Stopwatch.StartNew();
        var codes = await CodeIssuer.IssueAsync(browsers, client, count);
        var issuedPerSecond = count / clock.Elapsed.TotalSeconds;

        var slice = await ConcurrentLoad.Run(connections, MaxIssuing, server.Pid, async _ =>
        {
            if (!codes.TryDequeue(out var issued))
            {
                return Outcome.NoWorkLeft;
            }

            await client.RedeemCodeAsync(http, issued.Code, issued.Verifier);
            return Outcome.Succeeded;
        }, failures);
        return (slice, issuedPerSecond);
    }
}
