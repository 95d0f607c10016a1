namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>The security notifications a staff member can receive about their own account.</summary>
public enum AccountNotice
{
    AuthenticatorEnrolled,
    AuthenticatorResetByAdministrator,
    AuthenticatorRemoved,
    PasskeyAdded,
    PasskeyRemoved,
    BackupCodesRegenerated,
    BackupCodeUsed,
    PasswordChanged,
    PasswordReset,
    LockedAfterWrongPasswords,
    LockedAfterWrongCodes,
    LockedByAdministrator,
    ComputerRemembered,
}
