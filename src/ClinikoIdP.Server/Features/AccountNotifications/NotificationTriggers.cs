using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>
/// Which audit-trail events the account's owner is told about by email: the one place that answers "what sends
/// mail". Everything that changes how someone signs in already writes an event, on the web and on the command line
/// alike, so a map from events is complete by construction and a new way of doing the same thing is covered at once.
/// </summary>
public static class NotificationTriggers
{
    /// <summary>The detail enrolment writes with the backup codes it makes (the enrolment message already says so).</summary>
    public const string BackupCodesAtEnrolment = "at enrolment";

    public static AccountNotice? For(SecurityEventRecord written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return (written.Kind, written.Outcome) switch
        {
            (SecurityEventKinds.AuthenticatorEnrolled, SecurityEventOutcomes.Succeeded) => AccountNotice.AuthenticatorEnrolled,
            (SecurityEventKinds.AdminReset2fa, SecurityEventOutcomes.Succeeded) => AccountNotice.AuthenticatorResetByAdministrator,
            (SecurityEventKinds.AuthenticatorRemoved, SecurityEventOutcomes.Succeeded) => AccountNotice.AuthenticatorRemoved,
            (SecurityEventKinds.PasskeyAdded, SecurityEventOutcomes.Succeeded) => AccountNotice.PasskeyAdded,
            (SecurityEventKinds.PasskeyRemoved, SecurityEventOutcomes.Succeeded) => AccountNotice.PasskeyRemoved,
            (SecurityEventKinds.BackupCodesRegenerated, SecurityEventOutcomes.Succeeded) when written.Detail != BackupCodesAtEnrolment => AccountNotice.BackupCodesRegenerated,
            (SecurityEventKinds.BackupCodeUsed, SecurityEventOutcomes.Succeeded) => AccountNotice.BackupCodeUsed,
            (SecurityEventKinds.PasswordChanged, SecurityEventOutcomes.Succeeded) => AccountNotice.PasswordChanged,
            (SecurityEventKinds.PasswordReset, SecurityEventOutcomes.Succeeded) => AccountNotice.PasswordReset,
            (SecurityEventKinds.SignIn, SecurityEventOutcomes.LockedOut) => AccountNotice.LockedAfterWrongPasswords,
            (SecurityEventKinds.SecondFactor, SecurityEventOutcomes.LockedOut) => AccountNotice.LockedAfterWrongCodes,
            (SecurityEventKinds.AdminUserLocked, SecurityEventOutcomes.Succeeded) => AccountNotice.LockedByAdministrator,
            (SecurityEventKinds.ComputerRemembered, SecurityEventOutcomes.Succeeded) => AccountNotice.ComputerRemembered,
            _ => null,
        };
    }

    /// <summary>Lockouts are reported once each, not once per refused attempt while locked (see <see cref="LockoutNotices"/>).</summary>
    public static bool IsFailedAttemptsLockout(AccountNotice notice) =>
        notice is AccountNotice.LockedAfterWrongPasswords or AccountNotice.LockedAfterWrongCodes;
}
