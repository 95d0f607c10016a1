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

    /// <summary>RFC 8176 §2: proof of possession of a hardware-secured key (a passkey that cannot leave its device).</summary>
    public const string HardwareKey = "hwk";

    /// <summary>RFC 8176 §2: proof of possession of a software-secured key (a synced passkey, e.g. in a password manager).</summary>
    public const string SoftwareKey = "swk";

    /// <summary>
    /// A computer the user asked to remember after an earlier second factor stood in for it. RFC 8176 has no value
    /// for this; like <see cref="RecoveryCode"/> it is a private value, and it never comes with "mfa".
    /// </summary>
    public const string RememberedComputer = "rem";

    /// <summary>The methods that prove possession of a passkey: phishing resistant.</summary>
    public static bool IsPasskey(string method) => method is HardwareKey or SoftwareKey;
}
