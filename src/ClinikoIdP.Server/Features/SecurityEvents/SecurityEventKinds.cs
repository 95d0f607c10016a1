namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>The kinds of event in the audit trail (stable strings: the admin console filters on them).</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign_in";
    public const string SecondFactor = "second_factor";
    public const string AuthenticatorEnrolled = "authenticator_enrolled";
    public const string AuthenticatorRemoved = "authenticator_removed";
    public const string BackupCodeUsed = "backup_code_used";
    public const string BackupCodesRegenerated = "backup_codes_regenerated";
    public const string PasswordChanged = "password_changed";
    public const string AdminReset2fa = "admin_reset_2fa";
    public const string SignOut = "sign_out";
}
