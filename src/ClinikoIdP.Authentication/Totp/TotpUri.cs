using System.Globalization;

namespace ClinikoIdP.Authentication.Totp;

/// <summary>
/// Builds the otpauth:// URI that the enrolment QR code carries, following Google Authenticator's
/// Key Uri Format: otpauth://totp/ISSUER:ACCOUNT?secret=…&amp;issuer=ISSUER plus the explicit
/// algorithm, digits and period.
/// </summary>
public static class TotpUri
{
    /// <exception cref="ArgumentException">
    /// The issuer or account name is empty or contains a colon; the Key Uri Format forbids a colon in
    /// either (even percent-encoded), because apps split the label on the first one.
    /// </exception>
    public static string Build(string issuer, string accountName, ReadOnlySpan<byte> secret)
    {
        RequireLabelPart(issuer, nameof(issuer));
        RequireLabelPart(accountName, nameof(accountName));
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        // Percent-encode each part (a space becomes %20, never '+', as the format requires) and keep
        // the separating colon literal. The issuer parameter repeats the label prefix so that apps
        // which read only one of them still agree.
        var encodedIssuer = Uri.EscapeDataString(issuer);
        var encodedAccount = Uri.EscapeDataString(accountName);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{encodedIssuer}:{encodedAccount}?secret={TotpSecret.ToBase32(secret)}&issuer={encodedIssuer}&algorithm={TotpParameters.Algorithm}&digits={TotpParameters.Digits}&period={TotpParameters.PeriodSeconds}");
    }

    private static void RequireLabelPart(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The Key Uri Format does not allow a colon here.", parameterName);
        }
    }
}
