namespace ClinikoIdP.Authentication.Totp;

/// <summary>
/// The TOTP parameters ClinikoIdP uses everywhere: SHA-1, six digits, 30-second steps. These are the
/// RFC 6238 defaults (§4.1, §5.2) and the only ones every authenticator app honours, which is why the
/// Key Uri Format treats them as implied.
/// </summary>
public static class TotpParameters
{
    public const string Algorithm = "SHA1";

    public const int Digits = 6;

    public const int PeriodSeconds = 30;

    /// <summary>160 bits: RFC 4226 §4 recommends the HMAC-SHA-1 output length; NIST SP 800-63B-4 asks for at least 112.</summary>
    public const int SecretLengthInBytes = 20;
}
