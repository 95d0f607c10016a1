using System.Globalization;
using System.Security.Cryptography;

namespace ClinikoIdP.Authentication.BackupCodes;

/// <summary>
/// Stores backup codes as salted PBKDF2-HMAC-SHA512 hashes in a self-describing text form,
/// <c>pbkdf2-sha512$ITERATIONS$SALT$HASH</c> (salt and hash in Base64), so the iteration count can be
/// raised later without invalidating codes already issued.
/// </summary>
public sealed class BackupCodeHasher
{
    /// <summary>
    /// NIST SP 800-63B-4 §3.1.2.2 asks for look-up secrets under 112 bits to be stored with a salted
    /// password-hashing scheme. Unlike a password, an 80-bit random code leaves an offline attacker
    /// about 2^79 guesses on average, so the work factor is margin rather than the main defence. It
    /// must also stay cheap enough that a typed code checked against all ten stored hashes (each has
    /// its own salt, so each is a separate derivation) costs about a second of one core at most:
    /// 100,000 rounds are roughly 0.1 s each.
    /// </summary>
    public const int DefaultIterations = 100_000;

    public const string Scheme = "pbkdf2-sha512";

    private const int SaltLength = 16;
    private const int HashLength = 64;

    /// <summary>Refuses stored values that would make one check run for minutes.</summary>
    private const int MaximumIterations = 10_000_000;

    private static readonly HashAlgorithmName Algorithm = HashAlgorithmName.SHA512;

    private readonly int iterations;

    public BackupCodeHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        this.iterations = iterations;
    }

    /// <param name="canonicalCode">The code as returned by <see cref="BackupCodeNormalizer.Normalize"/>.</param>
    public string Hash(string canonicalCode)
    {
        RequireCanonical(canonicalCode);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = Rfc2898DeriveBytes.Pbkdf2(canonicalCode, salt, iterations, Algorithm, HashLength);
        return string.Join(
            '$',
            Scheme,
            iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt),
            Convert.ToBase64String(hash));
    }

    /// <summary>
    /// True when <paramref name="canonicalCode"/> is the code behind <paramref name="storedHash"/>.
    /// A stored value that is malformed or altered never verifies.
    /// </summary>
    public static bool Verify(string canonicalCode, string storedHash)
    {
        RequireCanonical(canonicalCode);
        ArgumentNullException.ThrowIfNull(storedHash);
        var parts = storedHash.Split('$');
        if (parts.Length != 4
            || !string.Equals(parts[0], Scheme, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var storedIterations)
            || storedIterations is < 1 or > MaximumIterations
            || !TryFromBase64(parts[2], SaltLength, out var salt)
            || !TryFromBase64(parts[3], HashLength, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(canonicalCode, salt, storedIterations, Algorithm, HashLength);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryFromBase64(string text, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == length;
    }

    private static void RequireCanonical(string canonicalCode)
    {
        ArgumentNullException.ThrowIfNull(canonicalCode);

        // Hashing a display form ("ABCD-…") would store a hash no typed code could ever match.
        if (!string.Equals(BackupCodeNormalizer.Normalize(canonicalCode), canonicalCode, StringComparison.Ordinal))
        {
            throw new ArgumentException("Pass the canonical form from BackupCodeNormalizer.Normalize.", nameof(canonicalCode));
        }
    }
}
