using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// Remembers, for <see cref="Lifetime"/>, that a client secret matched a slowly hashed (PBKDF2) stored value, so an
/// integration calling the token endpoint all day pays the ~5 ms key derivation once every few minutes instead of
/// on every request. The entry is an HMAC, under a key that lives only in this process, of the stored hash and the
/// presented secret together: nothing in memory reveals or replaces the secret, and rotating the secret changes the
/// stored hash, so no entry of the old one can ever match again. Only successes are remembered; a wrong secret
/// always pays the full cost.
/// </summary>
public sealed class VerifiedSecretCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // Bounds memory whatever the number of clients; an integration re-verifies once after a reset.
    private const int Capacity = 10_000;

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> verified = new(StringComparer.Ordinal);

    public bool Contains(string secret, string stored) =>
        verified.TryGetValue(Fingerprint(secret, stored), out var expires) && expires > time.GetUtcNow();

    public void Add(string secret, string stored)
    {
        if (verified.Count >= Capacity)
        {
            verified.Clear();
        }

        verified[Fingerprint(secret, stored)] = time.GetUtcNow() + Lifetime;
    }

    private string Fingerprint(string secret, string stored)
    {
        // The stored value never contains a NUL, so "stored \0 secret" cannot be produced by another pair.
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stored + '\0' + secret)));
    }
}
