namespace ClinikoIdP.Authentication.Policy;

/// <summary>Authentication method reference values for the id token's amr claim (RFC 8176).</summary>
public static class Amr
{
    /// <summary>RFC 8176 §2: password-based authentication.</summary>
    public const string Password = "pwd";

    /// <summary>RFC 8176 §2: one-time password (the authenticator app's TOTP code).</summary>
    public const string OneTimePassword = "otp";

    /// <summary>RFC 8176 §2: multiple-factor authentication.</summary>
    public const string MultipleFactor = "mfa";

    /// <summary>
    /// A backup (recovery) code. RFC 8176 registers no value for saved look-up secrets; §2 asks that
    /// values be registered, so this private value is kept short and sits beside "mfa", which is what
    /// relying parties are expected to check.
    /// </summary>
    public const string RecoveryCode = "rc";
}
