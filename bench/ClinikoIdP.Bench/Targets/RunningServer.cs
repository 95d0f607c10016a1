using ClinikoIdP.Bench.Processes;

namespace ClinikoIdP.Bench.Targets;

/// <summary>A started server and the requests the scenarios send it.</summary>
public sealed class RunningServer(
    string name, ServerProcess process, Uri baseUri, string discoveryPath, string jwksPath, string tokenPath, string authorizePath,
    double startupSeconds)
    : IAsyncDisposable
{
    public string Name => name;

    public int Pid => process.Id;

    public double StartupSeconds => startupSeconds;

    public Uri BaseUri => baseUri;

    public Uri Discovery => new(baseUri, discoveryPath);

    public Uri Jwks => new(baseUri, jwksPath);

    public Uri Token => new(baseUri, tokenPath);

    public Uri Authorize => new(baseUri, authorizePath);

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
