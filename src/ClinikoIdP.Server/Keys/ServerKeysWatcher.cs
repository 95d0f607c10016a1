using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Every <see cref="IdpOptions.KeyRefreshInterval"/>, compares the keys that should be published with the ones this
/// node loaded, and reloads when they differ: a rotation on another node (or from the command line) and the end of a
/// retired key's publication reach every node without a restart.
/// </summary>
public sealed class ServerKeysWatcher(
    IServiceScopeFactory scopes, ServerKeys serverKeys, IOptions<IdpOptions> options, ILogger<ServerKeysWatcher> logger)
    : PeriodicDatabaseWork
{
    protected override TimeSpan Interval => options.Value.KeyRefreshInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    // The database is away (readiness says so); the loaded keys keep serving and the next tick tries again.
    protected override void OnDatabaseUnavailable(Exception unreachable) => Log.KeyRefreshFailed(logger, unreachable.GetType().Name);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (serverKeys.LoadedFingerprint is null)
        {
            return; // not loaded yet: the first request loads the current keys anyway
        }

        await using var scope = scopes.CreateAsyncScope();
        var current = await scope.ServiceProvider.GetRequiredService<SigningKeyStore>().FingerprintAsync(cancellationToken);
        if (current != serverKeys.LoadedFingerprint)
        {
            serverKeys.Reload();
            Log.KeysRefreshed(logger);
        }
    }
}
