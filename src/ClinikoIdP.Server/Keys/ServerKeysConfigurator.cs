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

        // The keys of codes and refresh tokens, which only this server reads: HS256 signs them, A256KW encrypts them.
        // HS256 is OpenIddict's default signing key (identity tokens take the first asymmetric key, access tokens the
        // key AccessTokenSigningCredentials names); the JWKS publishes only asymmetric keys.
        foreach (var (_, key) in encryption.Where(k => k.Record.Algorithm == SecurityAlgorithms.HmacSha256))
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        }

        foreach (var (_, key) in encryption.Where(k => k.Record.Algorithm != SecurityAlgorithms.HmacSha256))
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                (SymmetricSecurityKey)key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }

        // Then the RSA keys, the active one first, then ES256. OpenIddict sorts the credentials with a comparer that
        // puts symmetric keys first and ranks two symmetric (or two raw asymmetric) keys as equal; handed a list already
        // in that order, List.Sort moves nothing for short lists (under 16 items), so the active RSA key stays the one
        // that signs identity tokens. Tests guard this (KeyPersistenceTests, Es256AccessTokenTests).
        var rsa = signing.Where(k => k.Record.Algorithm == SecurityAlgorithms.RsaSha256).ToList();
        foreach (var (_, key) in rsa)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var (_, key) in signing.Where(k => k.Record.Algorithm == SecurityAlgorithms.EcdsaSha256))
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256));
        }

        loaded.Fingerprint = SigningKeyStore.Fingerprint(signing.Concat(encryption).Select(k => k.Record));
        Log.KeysLoaded(logger, signing.Count, rsa[0].Record.Id, encryption.Count);
    }
}
