using System.Diagnostics;
using System.Globalization;
using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>The same token load on a database holding many users and token rows, against this run's small one.</summary>
public sealed class GrowthScenario(
    ClinikoIdPServer ours, BenchOptions options, Measure measure, Results results, string oursBody, int connections)
{
    public async Task Run(WrkResult? small)
    {
        var before = await DataGrowth.CountTokens(ours.SqliteFile);
        Console.WriteLine($"Inserting {options.UsersForGrowth:N0} users and {options.TokensForGrowth:N0} token rows (the database held {before:N0} token rows)...");
        var clock = Stopwatch.StartNew();
        await DataGrowth.Fill(ours.SqliteFile, options.UsersForGrowth, options.TokensForGrowth);
        Console.WriteLine($"  inserted in {clock.Elapsed.TotalSeconds:N1} s");

        await using var server = await ours.Start(new Dictionary<string, string>());
        await measure.WarmUp(server, oursBody, connections);
        var large = await measure.Post($"client_credentials RS256 with {Short(options.TokensForGrowth)} token rows, {connections} conn.", server, oursBody, connections);
        var scenario = $"p99 with {Short(options.UsersForGrowth)} users + {Short(options.TokensForGrowth)} token rows vs {Short((int)before)} rows ({connections} conn.)";
        var limit = small is null ? (double?)null : 1.5 * small.P99Milliseconds;
        results.Rows.Add(new Row(scenario, "ms", large?.P99Milliseconds, null,
            limit is { } l ? $"≤ 1.5 × {small!.P99Milliseconds.ToString("N2", CultureInfo.InvariantCulture)} = {l.ToString("N2", CultureInfo.InvariantCulture)}" : "≤ 1.5 × small database",
            large is not null && limit is { } max ? large.P99Milliseconds <= max : null,
            large is null ? "" : $"{large.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} req/s (small database: {small?.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture) ?? "–"})"));
    }

    private static string Short(int count) => count >= 1_000_000 && count % 1_000_000 == 0
        ? $"{count / 1_000_000}M"
        : count >= 1_000 ? $"{count / 1_000}k" : count.ToString(CultureInfo.InvariantCulture);
}
