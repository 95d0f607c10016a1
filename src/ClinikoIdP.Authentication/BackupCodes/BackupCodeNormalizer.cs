using ClinikoIdP.Authentication.Totp;

namespace ClinikoIdP.Authentication.BackupCodes;

/// <summary>Reads backup codes as people type them.</summary>
public static class BackupCodeNormalizer
{
    /// <summary>
    /// Returns the canonical 16-symbol form (upper case, no separators) or null when the text is not
    /// a well-formed backup code. Case, hyphens and spaces are ignored, and the letters Crockford's
    /// decoding rules treat as look-alikes are read as digits: O as 0, I and L as 1.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        Span<char> symbols = stackalloc char[BackupCodeGenerator.SymbolsPerCode];
        var count = 0;
        foreach (var character in typed)
        {
            if (character is ' ' or '-')
            {
                continue;
            }

            var symbol = ToCanonicalSymbol(character);
            if (symbol is null || count == BackupCodeGenerator.SymbolsPerCode)
            {
                return null;
            }

            symbols[count++] = symbol.Value;
        }

        return count == BackupCodeGenerator.SymbolsPerCode ? new string(symbols) : null;
    }

    /// <summary>
    /// Lets one input field take either factor: six digits are a TOTP code, sixteen Crockford symbols
    /// are a backup code. The two shapes cannot overlap because their lengths differ.
    /// </summary>
    public static TypedCodeKind Classify(string? typed)
    {
        if (TotpCode.Normalize(typed) is not null)
        {
            return TypedCodeKind.TotpCode;
        }

        return Normalize(typed) is null ? TypedCodeKind.Unrecognised : TypedCodeKind.BackupCode;
    }

    private static char? ToCanonicalSymbol(char character)
    {
        // Only ASCII letters are upper-cased, so no culture (the Turkish dotless i, for one) can turn
        // a foreign letter into a valid symbol.
        var upper = char.IsAsciiLetterLower(character) ? (char)(character - ('a' - 'A')) : character;
        var mapped = upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => upper,
        };

        return Base32Codec.CrockfordAlphabet.Contains(mapped, StringComparison.Ordinal) ? mapped : null;
    }
}
