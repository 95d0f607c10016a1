namespace ClinikoIdP.Authentication;

/// <summary>
/// Base32 without padding over a caller-chosen 32-symbol alphabet: RFC 4648 §6 for TOTP secrets and
/// Crockford's alphabet for backup codes share the same bit packing, only the symbols differ.
/// </summary>
internal static class Base32Codec
{
    public const string Rfc4648Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string CrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private const int BitsPerSymbol = 5;

    public static string Encode(ReadOnlySpan<byte> data, string alphabet)
    {
        var output = new char[((data.Length * 8) + BitsPerSymbol - 1) / BitsPerSymbol];
        var position = 0;
        var buffer = 0;
        var bitsInBuffer = 0;
        foreach (var value in data)
        {
            buffer = ((buffer << 8) | value) & 0xFFFF;
            bitsInBuffer += 8;
            while (bitsInBuffer >= BitsPerSymbol)
            {
                bitsInBuffer -= BitsPerSymbol;
                output[position++] = alphabet[(buffer >> bitsInBuffer) & 0x1F];
            }
        }

        if (bitsInBuffer > 0)
        {
            // RFC 4648 §6: the last, partial group is padded on the right with zero bits.
            output[position] = alphabet[(buffer << (BitsPerSymbol - bitsInBuffer)) & 0x1F];
        }

        return new string(output);
    }

    /// <summary>
    /// Decodes symbols that are already canonical (case and separators handled by the caller).
    /// Returns null for a symbol outside the alphabet, for a length no whole number of bytes
    /// produces, or for non-zero pad bits (RFC 4648 §3.5 lets decoders reject those, and doing so
    /// keeps one text per secret).
    /// </summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> symbols, string alphabet)
    {
        var totalBits = symbols.Length * BitsPerSymbol;
        var padBits = totalBits % 8;
        if (padBits >= BitsPerSymbol)
        {
            // A whole unused symbol: no encoder produces this length (1, 3 or 6 symbols mod 8).
            return null;
        }

        var output = new byte[totalBits / 8];
        var position = 0;
        var buffer = 0;
        var bitsInBuffer = 0;
        foreach (var symbol in symbols)
        {
            var value = alphabet.IndexOf(symbol, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = ((buffer << BitsPerSymbol) | value) & 0xFFFF;
            bitsInBuffer += BitsPerSymbol;
            if (bitsInBuffer >= 8)
            {
                bitsInBuffer -= 8;
                output[position++] = (byte)(buffer >> bitsInBuffer);
            }
        }

        var leftover = buffer & ((1 << bitsInBuffer) - 1);
        return leftover == 0 ? output : null;
    }
}
