using System.Collections.Concurrent;
using ClinikoIdP.Bench.Flows;
using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;
using static ClinikoIdP.Bench.Load.ConcurrentLoad;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// The flows a browser drives, on a server with two-step verification required of everyone (its default): users enrol
/// an authenticator through the real pages, then authorization-code exchanges, rotating refresh-token grants and
/// complete interactive sign-ins are measured with the .NET load generator at <paramref name="connections"/> loops.
/// </summary>
public sealed class FlowScenarios(
    ClinikoIdPServer ours, Seeded seeded, BenchOptions options, Measure measure, Results results, int connections)
{
    private const string PeerNote = "peer: not measured (oidc-provider's interactions need a login and consent the bench peer does not script yet)";

    public async Task Run(double pbkdf2PerSecond)
    {
        var users = UsersFor(pbkdf2PerSecond);
        Console.WriteLine($"Browser flows: seeding {users.Count} users...");
        await SeedUsers(users);

        await using var server = await ours.Start(new Dictionary<string, string> { ["TwoFactor:Enforcement"] = "Always" });
        var client = new BenchWebClient(ClinikoIdPServer.WebClient, seeded.WebClientSecret, ClinikoIdPServer.WebClientRedirectUri,
            "openid profile offline_access", server.Token);
        var signIn = new InteractiveSignIn(server.BaseUri, new Uri(server.BaseUri, "connect/authorize"), client);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = connections });

        var (browser, refreshTokens) = await Enrol(signIn, users, http);
        using (browser)
        {
            var codes = new CodeExchange(server, client, browser, http, measure, connections, options.PointDuration);
            Report("Authorization-code exchanges (PKCE S256)", await codes.Run());
            Report("Refresh-token grants (rotating)", await Refresh(server, client, http, refreshTokens));
        }

        var signIns = await SignIns(server, signIn, http, users);
        results.Rows.Add(new Row($"Complete interactive sign-ins (password + TOTP + code + token), {connections} browsers", "per s",
            signIns?.RequestsPerSecond, null, "", null,
            signIns is null ? PeerNote : $"p50 {signIns.P50Milliseconds:N0} ms, p99 {signIns.P99Milliseconds:N0} ms per sign-in; {PeerNote}"));
        results.Rows.Add(Judge.Ceiling("Sign-ins per s ÷ PBKDF2-HMAC-SHA512 210,000 hashes per s", signIns?.RequestsPerSecond, pbkdf2PerSecond, 0.9));
    }

    private List<BenchUser> UsersFor(double pbkdf2PerSecond)
    {
        // Each user signs in once in the measured run (a TOTP step is accepted once per user), and sign-ins cannot
        // outrun the password hash: enough users for the ceiling over the whole duration, with a margin.
        var count = (int)Math.Ceiling(pbkdf2PerSecond * options.PointDuration.TotalSeconds * 1.3) + (2 * connections);
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

    /// <summary>Every user's first sign-in, enrolling an authenticator; keeps one signed-in browser and every refresh token.</summary>
    private static async Task<(BenchBrowser Browser, ConcurrentQueue<string> RefreshTokens)> Enrol(
        InteractiveSignIn signIn, List<BenchUser> users, HttpClient http)
    {
        var refreshTokens = new ConcurrentQueue<string>();
        var browsers = new ConcurrentBag<BenchBrowser>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, _) =>
        {
            var signedIn = await signIn.RunAsync(user, http);
            refreshTokens.Enqueue(signedIn.Tokens.RefreshToken ?? throw new FlowFailedException("a sign-in with offline_access returned no refresh token"));
            browsers.Add(signedIn.Browser);
        });
        var kept = browsers.First();
        foreach (var other in browsers.Where(b => b != kept))
        {
            other.Dispose();
        }

        Console.WriteLine($"  {users.Count} users enrolled an authenticator and signed in");
        return (kept, refreshTokens);
    }

    private async Task<WrkResult?> Refresh(RunningServer server, BenchWebClient client, HttpClient http, ConcurrentQueue<string> tokens)
    {
        // Each refresh token is used once: the rotated one goes back in the queue for a later request.
        var failures = new ConcurrentQueue<string>();
        var slice = await ConcurrentLoad.Run(connections, options.PointDuration, server.Pid, async _ =>
        {
            if (!tokens.TryDequeue(out var token))
            {
                return Outcome.NoWorkLeft;
            }

            var answer = await client.RefreshAsync(http, token);
            tokens.Enqueue(answer.RefreshToken ?? throw new FlowFailedException("a refresh grant returned no new refresh token"));
            return Outcome.Succeeded;
        }, failures);
        return measure.Keep($"refresh_token (rotating), {connections} conn.", server, slice.Result, failures);
    }

    private async Task<WrkResult?> SignIns(RunningServer server, InteractiveSignIn signIn, HttpClient http, List<BenchUser> users)
    {
        Console.WriteLine("Complete interactive sign-ins...");
        var waiting = new ConcurrentQueue<BenchUser>(users);
        var failures = new ConcurrentQueue<string>();
        var slice = await ConcurrentLoad.Run(connections, options.PointDuration, server.Pid, async _ =>
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
            results.Problems.Add($"Interactive sign-ins: every seeded user had signed in before the {options.PointDuration.TotalSeconds} s were up; the rate is over {slice.Result.DurationSeconds:N1} s.");
        }

        return measure.Keep($"interactive sign-ins, {connections} browsers", server, slice.Result, failures);
    }

    private void Report(string scenario, WrkResult? run)
    {
        results.Rows.Add(new Row($"{scenario}, {connections} conn.", "req/s", run?.RequestsPerSecond, null, "≥ 500/s",
            run is null ? null : run.RequestsPerSecond >= 500, PeerNote));
        results.Rows.Add(new Row($"  p99, {connections} conn.", "ms", run?.P99Milliseconds, null, "", null,
            run is null ? "" : $"p50 {run.P50Milliseconds:N2} ms"));
    }
}
