using System.Diagnostics;
using ClinikoIdP.Bench.Processes;

namespace ClinikoIdP.Bench.Targets;

/// <summary>panva's oidc-provider from bench/peer, in as many worker processes as there are cores.</summary>
public sealed class PeerServer(string repositoryRoot, string workDirectory, int port, string clientSecret)
{
    public const string Scope = "patients.read";

    public string ClientSecret => clientSecret;

    /// <param name="workers">Processes; by default one per core. Flows that keep state between requests need one (see server.mjs).</param>
    public async Task<RunningServer> Start(string accessTokenAlgorithm, int? workers = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["NODE_ENV"] = "production",
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WORKERS"] = (workers ?? System.Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ACCESS_TOKEN_ALG"] = accessTokenAlgorithm,
            ["CLIENT_SECRET"] = clientSecret,
        };
        var clock = Stopwatch.StartNew();
        var process = ServerProcess.Start("node", [Path.Combine(repositoryRoot, "bench", "peer", "server.mjs")], environment,
            workDirectory, Path.Combine(workDirectory, "peer.log"));
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            var startup = await process.WaitUntilAnswers(new Uri(baseUri, ".well-known/openid-configuration"), clock, TimeSpan.FromSeconds(60));
            return new RunningServer("oidc-provider", process, baseUri, ".well-known/openid-configuration", "jwks", "token", "auth", startup);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
