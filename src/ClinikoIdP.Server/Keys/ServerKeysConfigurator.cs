using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Hands the keys stored in the database to OpenIddict when its options are first built (the first request,
/// after <see cref="Hosting.DatabaseInitializer"/> has migrated the database and created any missing key).
/// </summary>
internal sealed class ServerKeysConfigurator(IServiceScopeFactory scopes, LoadedKeys loaded, ILogger<ServerKeysConfigurator> logger)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<SigningKeyStore>();
        store.EnsureActiveKeysAsync().GetAwaiter().GetResult();

        var signing = store.LoadPublishedAsync(Keys.SigningKeyRecord.SigningUse).GetAwaiter().GetResult();
        var encryption = store.LoadPublishedAsync(Keys.SigningKeyRecord.EncryptionUse).GetAwaiter().GetResult();

        // The active key is added first. OpenIddict sorts credentials with a comparer that ranks two raw RSA keys
        // (or two symmetric keys) as equal, and List.Sort keeps the order of equal items for short lists
        // (insertion sort under 16 items), so the active key stays the one that signs; a test guards this.
        var rsa = signing.Where(k => k.Record.Algorithm == SecurityAlgorithms.RsaSha256).ToList();
        foreach (var (_, key) in rsa)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        // ES256 keys after every RSA key, so RS256 stays the default (identity tokens, codes, refresh tokens);
        // AccessTokenSigningCredentials picks the first ES256 key for access tokens when configured.
        foreach (var (_, key) in signing.Where(k => k.Record.Algorithm == SecurityAlgorithms.EcdsaSha256))
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256));
        }

        foreach (var (_, key) in encryption)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                (SymmetricSecurityKey)key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }

        loaded.Fingerprint = SigningKeyStore.Fingerprint(signing.Concat(encryption).Select(k => k.Record));
        Log.KeysLoaded(logger, signing.Count, rsa[0].Record.Id, encryption.Count);
    }
}
