using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// The keys this node's token server holds, and reloading them. OpenIddict reads its options through
/// <see cref="IOptionsMonitor{TOptions}"/> on every request, so dropping the cached options makes the next request
/// rebuild them (and <see cref="ServerKeysConfigurator"/> read the keys again from the database).
/// </summary>
public sealed class ServerKeys(
    IOptionsMonitorCache<OpenIddictServerOptions> cache, IOptionsMonitor<OpenIddictServerOptions> options, LoadedKeys loaded)
{
    /// <summary>What <see cref="ServerKeysConfigurator"/> loaded last (see <see cref="SigningKeyStore.FingerprintAsync"/>).</summary>
    public string? LoadedFingerprint => loaded.Fingerprint;

    /// <summary>Rebuilds the token server's options now, so a problem shows here and not to a clinic app.</summary>
    public void Reload()
    {
        cache.TryRemove(Options.DefaultName);
        _ = options.CurrentValue;
    }
}

/// <summary>The fingerprint of the key set the token server was last built with (written as the options are built).</summary>
public sealed class LoadedKeys
{
    public string? Fingerprint { get; set; }
}
