using System.Collections.Concurrent;
using ClinikoIdP.Bench.Flows;
using ClinikoIdP.Bench.Load;
using ClinikoIdP.Bench.Targets;
using static ClinikoIdP.Bench.Load.ConcurrentLoad;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// The two token-endpoint flows of a signed-in app, on either server: authorization-code exchanges, then rotating
/// refresh-token grants from refresh tokens the browsers obtained first. Both are measured after
/// <see cref="WarmUp"/> of refresh grants, not kept, so that the token endpoint's code is compiled and optimised
/// (a fresh .NET process keeps speeding up for tens of seconds; Node.js has its own JIT warm-up).
/// </summary>
public sealed class TokenFlows(
    RunningServer server, BenchWebClient client, IReadOnlyList<BenchBrowser> browsers, Measure measure, int connections, TimeSpan duration)
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    public async Task<(WrkResult? Codes, WrkResult? Refresh)> Run()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = connections });
        await RefreshLoad(http, await RefreshTokens(http, 4 * connections), WarmUp, new ConcurrentQueue<string>());
        Console.WriteLine($"  {server.Name,-14} token endpoint warmed up with {WarmUp.TotalSeconds} s of refresh grants");
        var codes = await new CodeExchange(server, client, browsers, http, measure, connections, duration).Run();

        // Fresh refresh tokens, issued after the code exchanges: oidc-provider revokes a whole grant (and every refresh
        // token of it) when one of its codes is replayed, which its code-exchange scenario does.
        var refresh = await Refresh(http, await RefreshTokens(http, 4 * connections));
        return (codes, refresh);
    }

    private async Task<ConcurrentQueue<string>> RefreshTokens(HttpClient http, int count)
    {
        var tokens = new ConcurrentQueue<string>();
        foreach (var issued in await CodeIssuer.IssueAsync(browsers, client, count))
        {
            var answer = await client.RedeemCodeAsync(http, issued.Code, issued.Verifier);
            tokens.Enqueue(answer.RefreshToken ?? throw new FlowFailedException("a code exchange with offline_access returned no refresh token"));
        }

        return tokens;
    }

    private async Task<WrkResult?> Refresh(HttpClient http, ConcurrentQueue<string> tokens)
    {
        var failures = new ConcurrentQueue<string>();
        var slice = await RefreshLoad(http, tokens, duration, failures);
        return measure.Keep($"refresh_token (rotating), {connections} conn.", server, slice.Result, failures);
    }

    // Each refresh token is used once: the rotated one goes back in the queue for a later request.
    private Task<LoadSlice> RefreshLoad(HttpClient http, ConcurrentQueue<string> tokens, TimeSpan forHowLong, ConcurrentQueue<string> failures) =>
        ConcurrentLoad.Run(connections, forHowLong, server.Pid, async _ =>
        {
            if (!tokens.TryDequeue(out var token))
            {
                return Outcome.NoWorkLeft;
            }

            var answer = await client.RefreshAsync(http, token);
            tokens.Enqueue(answer.RefreshToken ?? throw new FlowFailedException("a refresh grant returned no new refresh token"));
            return Outcome.Succeeded;
        }, failures);
}
