using ClinikoIdP.Bench.Crypto;
using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Processes;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;
using static ClinikoIdP.Bench.Scenarios.Judge;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// The whole benchmark in order: ceilings, start-up and memory, static documents, tokens, ES256, secrets, browser flows, data.
/// </summary>
public sealed class BenchRun(BenchOptions options, Results results, string workDirectory)
{
    private const int StaticConnections = 8;
    private const int TokenConnections = 8;

    /// <summary>One start differs from the next by up to ~0.1 s here, about the gap between the two servers.</summary>
    private const int StartupSamples = 5;
    private readonly Measure measure = new(new Wrk(workDirectory, options.PointDuration), results);

    public async Task Execute()
    {
        Console.WriteLine("Cryptography ceilings (all cores, 3 s each)...");
        var ceiling = TimeSpan.FromSeconds(3);
        var rs256 = CryptoCeilings.Rs256PerSecond(ceiling);
        var es256 = CryptoCeilings.Es256PerSecond(ceiling);
        var pbkdf2 = CryptoCeilings.Pbkdf2PerSecond(ceiling);
        results.Rows.Add(new Row("Ceiling: RS256 signatures (RSA-2048), all cores", "per s", rs256, null, "measured", null));
        results.Rows.Add(new Row("Ceiling: ES256 signatures (P-256), all cores", "per s", es256, null, "measured", null));
        results.Rows.Add(new Row("Ceiling: PBKDF2-HMAC-SHA512 210,000 iterations, all cores", "per s", pbkdf2, null, "measured", null));

        var ours = new ClinikoIdPServer(options.RepositoryRoot, workDirectory, FreePort(), options.PostgresConnectionString);
        Console.WriteLine($"ClinikoIdP: creating and seeding {(ours.UsesPostgres ? "the PostgreSQL database" : "a fresh SQLite file")}...");
        if (ours.UsesPostgres)
        {
            await ours.RemovePreviousClients();
        }

        var seeded = await ours.CreateAndSeed();
        var peerSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var peer = new PeerServer(options.RepositoryRoot, workDirectory, FreePort(), peerSecret);
        if (options.FlowsOnly)
        {
            await Flows(ours, seeded, peer, pbkdf2);
            return;
        }

        var oursBody = TokenProbe.ClientCredentialsBody(ClinikoIdPServer.GeneratedSecretClient, seeded.GeneratedSecret, ClinikoIdPServer.Scope);
        var peerBody = TokenProbe.ClientCredentialsBody("bench", peerSecret, PeerServer.Scope);

        Console.WriteLine($"Start-up, {StartupSamples} starts of each server, alternating...");
        var (ourStartup, peerStartup) = await MedianStartups(ours, peer);
        results.Rows.Add(Lower($"Start-up to first discovery answer (existing database), median of {StartupSamples} starts", "s",
            ourStartup, peerStartup, "≤ peer"));

        WrkResult? baseline;
        double idleRss;
        await using (var server = await ours.Start(new Dictionary<string, string>()))
        await using (var node = await peer.Start("RS256"))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            idleRss = ProcessTree.RssMegabytes(server.Pid);
            results.Rows.Add(Budget("Idle RSS", "MB", idleRss, ProcessTree.RssMegabytes(node.Pid), 120));

            await Static("Discovery", s => s.Discovery, server, node);
            await Static("JWKS", s => s.Jwks, server, node);

            Console.WriteLine($"client_credentials, RS256 access tokens ({await TokenProbe.AccessTokenAlgorithm(server.Token, oursBody)} / {await TokenProbe.AccessTokenAlgorithm(node.Token, peerBody)})...");
            baseline = null;
            var ourWarmUp = await measure.WarmUp(server, oursBody, TokenConnections);
            var peerWarmUp = await measure.WarmUp(node, peerBody, TokenConnections);
            results.Rows.Add(Faster($"client_credentials RS256, first 5 s of token load after start ({TokenConnections} conn.)",
                ourWarmUp.First?.RequestsPerSecond, peerWarmUp.First?.RequestsPerSecond, null, "not judged: the rows below are measured after the warm-up"));
            results.Rows.Add(Lower("  seconds of warm-up load (at least 30, until the throughput stopped rising)", "s", ourWarmUp.Seconds, peerWarmUp.Seconds, ""));
            foreach (var connections in BenchOptions.Connections)
            {
                var ourRun = await measure.Post($"client_credentials RS256, {connections} conn.", server, oursBody, connections);
                var peerRun = await measure.Post($"client_credentials RS256, {connections} conn.", node, peerBody, connections);
                var gated = connections is 4 or 8;
                results.Rows.Add(Faster($"client_credentials RS256, {connections} conn.", ourRun?.RequestsPerSecond, peerRun?.RequestsPerSecond,
                    gated ? 1.4 : null, gated ? $"≥ 0.7 × RS256 ceiling ({0.7 * rs256:N0}/s)" : ""));
                results.Rows.Add(Lower($"  p50, {connections} conn.", "ms", ourRun?.P50Milliseconds, peerRun?.P50Milliseconds, ""));
                results.Rows.Add(Lower($"  p99, {connections} conn.", "ms", ourRun?.P99Milliseconds, peerRun?.P99Milliseconds, gated ? "≤ peer" : ""));
                if (connections == TokenConnections)
                {
                    baseline = ourRun;
                    results.Rows.Add(Lower("Server CPU per 1,000 token requests (8 conn.)", "CPU s", ourRun?.CpuSecondsPerThousand, peerRun?.CpuSecondsPerThousand, ""));
                    results.Rows.Add(Ceiling("client_credentials RS256 ÷ RS256 ceiling (8 conn.)", ourRun?.RequestsPerSecond, rs256, 0.7));
                }
            }

            results.Rows.Add(Budget("Peak RSS under token load", "MB", ProcessTree.PeakRssMegabytes(server.Pid), ProcessTree.PeakRssMegabytes(node.Pid), 250));
            await ClientSecretStorage(server, seeded);
        }

        await new EarlierSettingsScenario(ours, measure, results, oursBody, TokenConnections).Run(baseline, idleRss);
        await new Es256Scenario(ours, peer, measure, results, oursBody, peerBody, TokenConnections).Run();
        await Flows(ours, seeded, peer, pbkdf2);
        if (!ours.UsesPostgres)
        {
            await new GrowthScenario(ours, options, measure, results, oursBody, TokenConnections).Run(baseline);
        }
    }

    private async Task Flows(ClinikoIdPServer ours, Seeded seeded, PeerServer peer, double pbkdf2PerSecond)
    {
        try
        {
            await new FlowScenarios(ours, seeded, peer, options, measure, results, TokenConnections).Run(pbkdf2PerSecond);
        }
        catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            // The flows' figures are lost, not the data-growth scenario after them.
            results.Problems.Add($"Code exchanges, refresh grants and interactive sign-ins stopped early: {failure.Message}");
            Console.Error.WriteLine($"error in the browser flows: {failure.Message}");
        }
    }

    private async Task Static(string name, Func<RunningServer, Uri> url, RunningServer server, RunningServer node)
    {
        Console.WriteLine($"{name}: warming both servers up...");
        var ourWarmUp = await measure.WarmUpGet(server, url(server), StaticConnections);
        var peerWarmUp = await measure.WarmUpGet(node, url(node), StaticConnections);
        results.Rows.Add(Faster($"{name}, first 3 s after start ({StaticConnections} conn.)", ourWarmUp.First?.RequestsPerSecond,
            peerWarmUp.First?.RequestsPerSecond, null, "not judged: the row below is measured after the warm-up"));
        var ourRun = await measure.Get(name, server, url(server), StaticConnections);
        var peerRun = await measure.Get(name, node, url(node), StaticConnections);
        results.Rows.Add(Faster($"{name} ({StaticConnections} conn.)", ourRun?.RequestsPerSecond, peerRun?.RequestsPerSecond, 3, ""));
    }

    private async Task ClientSecretStorage(RunningServer server, Seeded seeded)
    {
        var chosenBody = TokenProbe.ClientCredentialsBody(ClinikoIdPServer.ChosenSecretClient, seeded.ChosenSecret, ClinikoIdPServer.Scope);
        var run = await measure.Post("client_credentials, secret given with --secret", server, chosenBody, TokenConnections);
        results.Rows.Add(new Row($"client_credentials RS256, client secret chosen by the administrator ({TokenConnections} conn.)", "req/s",
            run?.RequestsPerSecond, null, "compare with the generated-secret row", null,
            "the rows above use a generated secret; both are stored as the server decides"));
    }

    private static async Task<(double Ours, double Peer)> MedianStartups(ClinikoIdPServer ours, PeerServer peer)
    {
        var ourStarts = new List<double>();
        var peerStarts = new List<double>();
        for (var sample = 0; sample < StartupSamples; sample++)
        {
            await using (var server = await ours.Start(new Dictionary<string, string>()))
            {
                ourStarts.Add(server.StartupSeconds);
            }

            await using (var node = await peer.Start("RS256"))
            {
                peerStarts.Add(node.StartupSeconds);
            }
        }

        return (Median(ourStarts), Median(peerStarts));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
