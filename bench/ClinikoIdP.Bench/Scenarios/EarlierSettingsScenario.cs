using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Processes;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// ClinikoIdP restarted with the settings it had before the token path was tuned (issue #7 asks for figures with
/// OpenIddict's defaults and with the chosen settings, in one run): every client-credentials access token stored as a
/// row, and the Server GC the ASP.NET Core template picks. Compare with the RS256 rows measured earlier in the run.
/// </summary>
public sealed class EarlierSettingsScenario(ClinikoIdPServer ours, Measure measure, Results results, string oursBody, int connections)
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["IdP:StoreClientCredentialsAccessTokens"] = "true",
        ["DOTNET_gcServer"] = "1",
    };

    public async Task Run(WrkResult? tuned, double? tunedIdleRss)
    {
        Console.WriteLine("client_credentials with the earlier settings (stored machine tokens, Server GC)...");
        await using var server = await ours.Start(Settings);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = ProcessTree.RssMegabytes(server.Pid);
        await measure.WarmUp(server, oursBody, connections);
        var run = await measure.Post($"client_credentials RS256 earlier settings, {connections} conn.", server, oursBody, connections);
        results.Rows.Add(new Row($"client_credentials RS256, {connections} conn., earlier settings (machine tokens stored, Server GC)", "req/s",
            run?.RequestsPerSecond, null, $"chosen settings: {Format(tuned?.RequestsPerSecond)}", null,
            "IdP:StoreClientCredentialsAccessTokens=true DOTNET_gcServer=1"));
        results.Rows.Add(new Row("  p99, earlier settings", "ms", run?.P99Milliseconds, null, $"chosen settings: {Format(tuned?.P99Milliseconds)}", null, ""));
        results.Rows.Add(new Row("  CPU per 1,000 token requests, earlier settings", "CPU s", run?.CpuSecondsPerThousand, null,
            $"chosen settings: {Format(tuned?.CpuSecondsPerThousand)}", null, ""));
        results.Rows.Add(new Row("  Idle RSS, earlier settings", "MB", idle, null, $"chosen settings: {Format(tunedIdleRss)}", null, ""));
    }

    private static string Format(double? value) => value is null ? "not measured" : value.Value.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
}
