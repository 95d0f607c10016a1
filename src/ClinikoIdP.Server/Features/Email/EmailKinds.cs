namespace ClinikoIdP.Server.Features.Email;

/// <summary>What each queued message is about (stable strings stored in the outbox).</summary>
public static class EmailKinds
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password_reset";
    public const string AuthenticatorEnrolled = "authenticator_enrolled";
    public const string AuthenticatorReset = "authenticator_reset";
    public const string AuthenticatorRemoved = "authenticator_removed";
    public const string PasskeyAdded = "passkey_added";
    public const string PasskeyRemoved = "passkey_removed";
    public const string BackupCodesRegenerated = "backup_codes_regenerated";
    public const string BackupCodeUsed = "backup_code_used";
    public const string PasswordChanged = "password_changed";
    public const string AccountLocked = "account_locked";
    public const string ComputerRemembered = "computer_remembered";

    /// <summary>The message an administrator sends themselves from the console to check delivery.</summary>
    public const string Test = "test";
}
