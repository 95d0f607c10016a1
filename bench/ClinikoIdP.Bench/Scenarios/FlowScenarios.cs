using System.Collections.Concurrent;
using ClinikoIdP.Bench.Flows;
using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;
using static ClinikoIdP.Bench.Load.ConcurrentLoad;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// The flows a browser drives. ClinikoIdP runs with two-step verification required of everyone (its default): users
/// enrol an authenticator through the real pages, then code exchanges, rotating refresh grants and complete interactive
/// sign-ins are measured with the .NET load generator. The peer gets the code and refresh scenarios.
/// </summary>
public sealed class FlowScenarios(
    ClinikoIdPServer ours, Seeded seeded, PeerServer peer, BenchOptions options, Measure measure, Results results, int connections)
{
    private const string Scope = "openid profile offline_access";

    public async Task Run(double pbkdf2PerSecond)
    {
        var users = UsersFor(pbkdf2PerSecond);
        Console.WriteLine($"Browser flows: seeding {users.Count} users...");
        await SeedUsers(users);

        WrkResult? ourCodes, ourRefresh, signIns;
        await using (var server = await ours.Start(new Dictionary<string, string> { ["TwoFactor:Enforcement"] = "Always" }))
        {
            var client = new BenchWebClient(ClinikoIdPServer.WebClient, seeded.WebClientSecret, ClinikoIdPServer.WebClientRedirectUri,
                Scope, server.Authorize, server.Token);
            var signIn = new InteractiveSignIn(server.BaseUri, client);
            var browsers = await Enrol(signIn, users);
            try
            {
                (ourCodes, ourRefresh) = await new TokenFlows(server, client, browsers, measure, connections, options.PointDuration).Run();
            }
            finally
            {
                browsers.ForEach(browser => browser.Dispose());
            }

            signIns = await SignIns(server, signIn, users);
        }

        var (peerCodes, peerRefresh, peerNote) = await Peer();
        Report("Authorization-code exchanges (PKCE S256)", ourCodes, peerCodes, peerNote);
        Report("Refresh-token grants (rotating)", ourRefresh, peerRefresh, peerNote);
        results.Rows.Add(new Row($"Complete interactive sign-ins (password + TOTP + code + token), {connections} browsers", "per s",
            signIns?.RequestsPerSecond, null, "", null,
            (signIns is null ? "" : $"p50 {signIns.P50Milliseconds:N0} ms, p99 {signIns.P99Milliseconds:N0} ms per sign-in; ")
            + "peer: not measured (the bench peer signs its user in without a password or second factor)"));
        results.Rows.Add(Judge.Ceiling("Sign-ins per s ÷ PBKDF2-HMAC-SHA512 210,000 hashes per s", signIns?.RequestsPerSecond, pbkdf2PerSecond, 0.9));
    }

    /// <summary>
    /// At least 10 s even with <c>--quick</c>: a sign-in takes ~0.5 s with 8 browsers, and a point ends only when the
    /// sign-ins under way have finished, during which fewer than 8 browsers keep the server busy. In a 3-second point that
    /// drain was ~0.45 s, an eighth of the point, and the share read 0.67 where 15-second points read 0.81–0.87.
    /// </summary>
    private TimeSpan SignInDuration => options.PointDuration < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : options.PointDuration;

    private List<BenchUser> UsersFor(double pbkdf2PerSecond)
    {
        // Each user signs in once in the measured run (a TOTP step is accepted once per user), and sign-ins cannot
        // outrun the password hash: enough users for the ceiling over the whole duration, with a margin.
        var count = (int)Math.Ceiling(pbkdf2PerSecond * SignInDuration.TotalSeconds * 1.3) + (2 * connections);
        var run = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        return [.. Enumerable.Range(1, count).Select(i => new BenchUser($"signin-{run}-{i}@bench.example", seeded.UserPassword))];
    }

    private async Task SeedUsers(List<BenchUser> users)
    {
        if (!ours.UsesPostgres)
        {
            await UserSeeding.CopyUser(ours.SqliteFile, ClinikoIdPServer.TemplateUserEmail, [.. users.Select(u => u.Email)]);
            return;
        }

        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            async (user, _) => await ours.CreateUser(user.Email, user.Password));
    }

    /// <summary>Every user's first sign-in, enrolling an authenticator; returns as many signed-in browsers as connections.</summary>
    private async Task<List<BenchBrowser>> Enrol(InteractiveSignIn signIn, List<BenchUser> users)
    {
        using var http = new HttpClient();
        var browsers = new ConcurrentBag<BenchBrowser>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = connections },
            async (user, _) => browsers.Add((await signIn.RunAsync(user, http)).Browser));
        var all = browsers.ToList();
        var kept = all.Take(connections).ToList();
        foreach (var other in all.Skip(connections))
        {
            other.Dispose();
        }

        Console.WriteLine($"  {users.Count} users enrolled an authenticator and signed in");
        return kept;
    }

    private async Task<WrkResult?> SignIns(RunningServer server, InteractiveSignIn signIn, List<BenchUser> users)
    {
        Console.WriteLine("Complete interactive sign-ins...");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections });
        var waiting = new ConcurrentQueue<BenchUser>(users);
        var failures = new ConcurrentQueue<string>();
        var slice = await ConcurrentLoad.Run(connections, SignInDuration, server.Pid, async _ =>
        {
            if (!waiting.TryDequeue(out var user))
            {
                return Outcome.NoWorkLeft;
            }

            using var signedIn = await signIn.RunAsync(user, http);
            return Outcome.Succeeded;
        }, failures);
        if (waiting.IsEmpty)
        {
            results.Problems.Add($"Interactive sign-ins: every seeded user had signed in before the {SignInDuration.TotalSeconds} s were up; the rate is over {slice.Result.DurationSeconds:N1} s.");
        }

        return measure.Keep($"interactive sign-ins, {connections} browsers", server, slice.Result, failures);
    }

    /// <summary>The same code and refresh scenarios against oidc-provider, in one process (its state is per process).</summary>
    private async Task<(WrkResult? Codes, WrkResult? Refresh, string Note)> Peer()
    {
        const string note = "peer in 1 process (its in-memory state is per process), signed in by a scripted interaction";
        try
        {
            await using var node = await peer.Start("RS256", workers: 1);
            var client = new BenchWebClient(ClinikoIdPServer.WebClient, peer.ClientSecret, ClinikoIdPServer.WebClientRedirectUri,
                Scope, node.Authorize, node.Token, Prompt: "consent");
            var browsers = Enumerable.Range(0, connections).Select(_ => new BenchBrowser(node.BaseUri)).ToList();
            try
            {
                var (codes, refresh) = await new TokenFlows(node, client, browsers, measure, connections, options.PointDuration).Run();
                return (codes, refresh, note);
            }
            finally
            {
                browsers.ForEach(browser => browser.Dispose());
            }
        }
        catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            results.Problems.Add($"oidc-provider, code and refresh scenarios: {failure.Message}");
            return (null, null, "peer: not measured (see below)");
        }
    }

    private void Report(string scenario, WrkResult? ours, WrkResult? peer, string peerNote)
    {
        results.Rows.Add(new Row($"{scenario}, {connections} conn.", "req/s", ours?.RequestsPerSecond, peer?.RequestsPerSecond, "≥ 500/s",
            ours is null ? null : ours.RequestsPerSecond >= 500, peerNote));
        results.Rows.Add(Judge.Lower($"  p99, {connections} conn.", "ms", ours?.P99Milliseconds, peer?.P99Milliseconds, ""));
    }
}
