using System.Security.Cryptography;

namespace ClinikoIdP.Authentication.BackupCodes;

/// <summary>
/// Creates single-use backup codes: 80 random bits each, written as 16 Crockford Base32 symbols in
/// groups of four (XXXX-XXXX-XXXX-XXXX).
/// </summary>
public static class BackupCodeGenerator
{
    public const int DefaultCount = 10;

    /// <summary>
    /// 80 bits, above the 64-bit floor NIST SP 800-63B-4 sets for saved recovery codes, and exactly
    /// 16 Base32 symbols, so no symbol carries padding.
    /// </summary>
    internal const int RandomBytesPerCode = 10;

    internal const int SymbolsPerCode = 16;

    private const int GroupLength = 4;

    /// <returns>Codes in display form; hash each one's <see cref="BackupCodeNormalizer.Normalize"/> form.</returns>
    public static IReadOnlyList<string> Generate(int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var codes = new string[count];
        Span<byte> random = stackalloc byte[RandomBytesPerCode];
        for (var index = 0; index < count; index++)
        {
            RandomNumberGenerator.Fill(random);
            codes[index] = Encode(random);
        }

        CryptographicOperations.ZeroMemory(random);
        return codes;
    }

    /// <summary>Display form of a canonical (16-symbol) code.</summary>
    public static string Format(string canonicalCode)
    {
        ArgumentNullException.ThrowIfNull(canonicalCode);
        if (canonicalCode.Length != SymbolsPerCode)
        {
            throw new ArgumentException("A canonical backup code has 16 symbols.", nameof(canonicalCode));
        }

        return string.Join('-', canonicalCode.Chunk(GroupLength).Select(group => new string(group)));
    }

    internal static string Encode(ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length != RandomBytesPerCode)
        {
            throw new ArgumentException("A backup code is made from 10 bytes.", nameof(randomBytes));
        }

        return Format(Base32Codec.Encode(randomBytes, Base32Codec.CrockfordAlphabet));
    }
}
