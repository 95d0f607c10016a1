using System.Security.Cryptography;
using System.Text;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// The fast scheme for high-entropy client secrets: SHA-256, stored as <c>sha256:BASE64</c> so the value says its
/// scheme. A secret of at least <see cref="MinimumLength"/> characters (what <see cref="ClientRegistrar.GenerateSecret"/>
/// makes: 256 random bits) cannot be guessed offline, so a salted, slow password hash adds nothing but cost: NIST
/// SP 800-63B §5.1.2.2 asks for an approved one-way function for secrets of at least 112 bits and a salted key
/// derivation function only below that. Shorter, administrator-chosen secrets keep OpenIddict's PBKDF2.
/// </summary>
public static class ClientSecretHasher
{
    public const string Prefix = "sha256:";

    /// <summary>43 base64url characters carry 256 bits: the length of a generated secret.</summary>
    public const int MinimumLength = 43;

    public static bool QualifiesForFastHash(string secret) => secret.Length >= MinimumLength;

    public static bool IsFastHash(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Hash(string secret) => Prefix + Convert.ToBase64String(Digest(secret));

    /// <summary>Compares in constant time, so the time taken says nothing about how much of the hash matched.</summary>
    public static bool Verify(string secret, string stored)
    {
        if (!IsFastHash(stored))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(stored[Prefix.Length..], expected, out var written) || written != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Digest(secret), expected);
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
