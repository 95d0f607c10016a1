using System.Security.Cryptography;
using System.Text;

namespace ClinikoIdP.Authentication.Totp;

/// <summary>
/// Creates TOTP shared secrets and converts them to and from the Base32 text that authenticator apps
/// expect (RFC 4648 §6, upper case, no padding, as the Key Uri Format asks).
/// </summary>
public static class TotpSecret
{
    private const int DisplayGroupLength = 4;

    public static byte[] Generate() => RandomNumberGenerator.GetBytes(TotpParameters.SecretLengthInBytes);

    public static string ToBase32(ReadOnlySpan<byte> secret) => Base32Codec.Encode(secret, Base32Codec.Rfc4648Alphabet);

    /// <summary>
    /// Reads a secret typed or pasted by a person: case, spaces, hyphens and trailing '=' padding are
    /// ignored.
    /// </summary>
    /// <exception cref="FormatException">The text is not RFC 4648 Base32.</exception>
    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var symbols = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is ' ' or '-')
            {
                continue;
            }

            symbols.Append(char.ToUpperInvariant(character));
        }

        var withoutPadding = symbols.ToString().TrimEnd('=');
        return Base32Codec.TryDecode(withoutPadding, Base32Codec.Rfc4648Alphabet)
            ?? throw new FormatException("The text is not a Base32 (RFC 4648) secret.");
    }

    /// <summary>Groups of four, so a person copying the key into an app can keep their place.</summary>
    public static string FormatForDisplay(string base32)
    {
        ArgumentNullException.ThrowIfNull(base32);
        var groups = base32.Chunk(DisplayGroupLength).Select(group => new string(group));
        return string.Join(' ', groups);
    }
}
