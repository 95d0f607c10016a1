using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Targets;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// Both servers restarted to sign access tokens with ES256. ClinikoIdP is asked through IdP:AccessTokenAlgorithm; a
/// build without that setting keeps signing RS256, which the probe sees in the token header and reports.
/// </summary>
public sealed class Es256Scenario(
    ClinikoIdPServer ours, PeerServer peer, Measure measure, Results results, string oursBody, string peerBody, int connections)
{
    public async Task Run()
    {
        Console.WriteLine("client_credentials, ES256 access tokens...");
        await using var server = await ours.Start(new Dictionary<string, string> { ["IdP:AccessTokenAlgorithm"] = "ES256" });
        await using var node = await peer.Start("ES256");
        var ourAlgorithm = await TokenProbe.AccessTokenAlgorithm(server.Token, oursBody);
        var peerAlgorithm = await TokenProbe.AccessTokenAlgorithm(node.Token, peerBody);
        await measure.WarmUp(node, peerBody, connections);
        var peerRun = await measure.Post($"client_credentials ES256, {connections} conn.", node, peerBody, connections);
        if (peerAlgorithm != "ES256")
        {
            results.Problems.Add($"oidc-provider signed with {peerAlgorithm} when asked for ES256.");
            peerRun = null;
        }

        if (ourAlgorithm != "ES256")
        {
            results.Problems.Add($"ClinikoIdP ES256: this build has no IdP:AccessTokenAlgorithm setting (it still signed {ourAlgorithm}); only the peer's ES256 figure was measured.");
            results.Rows.Add(Judge.Faster($"client_credentials ES256, {connections} conn.", null, peerRun?.RequestsPerSecond, 2, "IdP:AccessTokenAlgorithm not in this build"));
            return;
        }

        await measure.WarmUp(server, oursBody, connections);
        var ourRun = await measure.Post($"client_credentials ES256, {connections} conn.", server, oursBody, connections);
        results.Rows.Add(Judge.Faster($"client_credentials ES256, {connections} conn.", ourRun?.RequestsPerSecond, peerRun?.RequestsPerSecond, 2, "IdP:AccessTokenAlgorithm=ES256"));
        results.Rows.Add(Judge.Lower($"  p99 ES256, {connections} conn.", "ms", ourRun?.P99Milliseconds, peerRun?.P99Milliseconds, ""));
    }
}
