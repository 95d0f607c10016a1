using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ClinikoIdP.TestSupport;

/// <summary>
/// RFC 6238 TOTP written from the RFC (HMAC-SHA1, 6 digits, 30 s), independent of the server's Otp.NET, so the tests
/// play the part of a real authenticator app rather than asking the server's own code to agree with itself.
/// </summary>
public static class IndependentTotp
{
    public static string Code(string base32Secret, DateTimeOffset at, int stepOffset = 0)
    {
        var counter = (at.ToUnixTimeSeconds() / 30) + stepOffset;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238's default, and what every authenticator app computes; HMAC-SHA1 is not broken for this use.
        var hash = HMACSHA1.HashData(Base32Decode(base32Secret), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the secret and issuer out of an otpauth:// URI (Key Uri Format).</summary>
    public static (string Secret, string Issuer, string Label) ParseUri(string otpAuthUri)
    {
        var uri = new Uri(otpAuthUri);
        var query = uri.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
        return (query["secret"], query.GetValueOrDefault("issuer") ?? "", Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')));
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
