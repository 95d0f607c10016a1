using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// OpenIddict's application manager with a fast hash for high-entropy client secrets (<see cref="ClientSecretHasher"/>):
/// OpenIddict 7.8 checks every secret with PBKDF2-HMAC-SHA256 at 10,000 iterations (~5 ms, five RS256 signatures),
/// which would cap the token endpoint. Only secrets the server generated in this scope get the fast hash
/// (<see cref="GeneratedClientSecrets"/>); secrets an administrator chose, and every secret stored before this scheme,
/// keep OpenIddict's own PBKDF2 and still validate; a PBKDF2 match is remembered briefly (<see cref="VerifiedSecretCache"/>).
/// </summary>
public sealed class ClientSecretManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    GeneratedClientSecrets generated,
    VerifiedSecretCache verified)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return generated.WasGenerated(secret) && ClientSecretHasher.QualifiesForFastHash(secret)
            ? ValueTask.FromResult(ClientSecretHasher.Hash(secret))
            : base.ObfuscateClientSecretAsync(secret, cancellationToken);
    }

    protected override async ValueTask<bool> ValidateClientSecretAsync(
        string secret, string comparand, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(comparand);
        if (ClientSecretHasher.IsFastHash(comparand))
        {
            return ClientSecretHasher.Verify(secret, comparand);
        }

        if (verified.Contains(secret, comparand))
        {
            return true;
        }

        if (!await base.ValidateClientSecretAsync(secret, comparand, cancellationToken))
        {
            return false;
        }

        verified.Add(secret, comparand);
        return true;
    }
}
