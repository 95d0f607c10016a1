namespace ClinikoIdP.Authentication.Totp;

/// <summary>Reads a TOTP code as a person types it.</summary>
public static class TotpCode
{
    /// <summary>
    /// Removes the spaces and hyphens that apps show inside codes ("123 456") and returns the six
    /// ASCII digits, or null when what remains is anything else.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        Span<char> digits = stackalloc char[TotpParameters.Digits];
        var count = 0;
        foreach (var character in typed)
        {
            if (character is ' ' or '-')
            {
                continue;
            }

            // Only ASCII digits: char.IsDigit would also let through other scripts' digits, which
            // no authenticator app displays.
            if (!char.IsAsciiDigit(character) || count == TotpParameters.Digits)
            {
                return null;
            }

            digits[count++] = character;
        }

        return count == TotpParameters.Digits ? new string(digits) : null;
    }
}
