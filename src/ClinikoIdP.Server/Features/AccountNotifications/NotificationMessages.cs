using System.Globalization;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Email;

namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>
/// The words of each security notification: what happened, the facts (when, from where, by whom) and, last, what to
/// do if it was not the reader. Written for staff who are not security people: plain steps, no jargon.
/// </summary>
public static class NotificationMessages
{
    private const string AskToLock = "ask your administrator to lock your account";

    public static (string EmailKind, EmailContent Content) Compose(AccountNotice notice, NotificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (kind, content) = notice switch
        {
            AccountNotice.AuthenticatorEnrolled => (EmailKinds.AuthenticatorEnrolled, new EmailContent(
                "Two-step verification was set up",
                "An authenticator app was set up for your account",
                ["From now on, signing in to your account asks for a code from this authenticator app after your password.",
                 "New backup codes were made at the same time; any earlier backup codes no longer work."])
            {
                Closing = $"If this wasn't you, someone knows your password and has linked your account to their own phone: {AskToLock} and reset its two-step verification straight away.",
            }),
            AccountNotice.AuthenticatorResetByAdministrator => (EmailKinds.AuthenticatorReset, new EmailContent(
                "Your two-step verification was reset",
                "An administrator reset your two-step verification",
                ["Your authenticator app and your backup codes no longer work for this account, and you were signed out everywhere.",
                 "The next time you sign in, you will be asked to set up an authenticator app again. Do it soon: until then your password is all that protects your account."])
            {
                Closing = $"If you didn't ask for this, tell your administrator straight away, and sign in now to set up your authenticator app again. If you can't, {AskToLock}.",
            }),
            AccountNotice.PasskeyAdded => (EmailKinds.PasskeyAdded, new EmailContent(
                "A passkey was added",
                "A passkey was added to your account",
                ["A passkey lets a fingerprint, face, screen lock or security key confirm it's you when you sign in. From now on this passkey can do that for your account."])
            {
                Closing = $"If this wasn't you, someone has signed in to your account and linked their own device: {AskToLock} and reset its two-step verification straight away.",
            }),
            AccountNotice.PasskeyRemoved => (EmailKinds.PasskeyRemoved, new EmailContent(
                "A passkey was removed",
                "A passkey was removed from your account",
                ["That passkey can no longer be used to sign in to your account. Your other passkeys and your authenticator app still work."])
            {
                Closing = $"If this wasn't you, someone has signed in to your account: change your password straight away and tell your administrator. If you can't sign in, {AskToLock}.",
            }),
            AccountNotice.AuthenticatorRemoved => (EmailKinds.AuthenticatorRemoved, new EmailContent(
                "Two-step verification was turned off",
                "Two-step verification was turned off for your account",
                ["Your authenticator app was removed and your backup codes no longer work. Signing in now needs only your password."])
            {
                Closing = $"If this wasn't you, someone has signed in to your account: change your password and set up two-step verification again straight away, and tell your administrator. If you can't sign in, {AskToLock}.",
            }),
            AccountNotice.BackupCodesRegenerated => (EmailKinds.BackupCodesRegenerated, new EmailContent(
                "New backup codes were made",
                "New backup codes were made for your account",
                ["A new set of backup codes was created for your account. Your earlier backup codes no longer work."])
            {
                Closing = $"If this wasn't you, someone has signed in to your account with your password and your second factor: change your password straight away and {AskToLock} until they have reset your two-step verification.",
            }),
            AccountNotice.BackupCodeUsed => (EmailKinds.BackupCodeUsed, new EmailContent(
                "A backup code was used to sign in",
                "A backup code was used to sign in to your account",
                ["A backup code was used instead of a code from your authenticator app. That backup code no longer works.",
                 BackupCodesLeftSentence(facts.BackupCodesLeft ?? 0)])
            {
                Closing = $"If this wasn't you, someone has your password and one of your backup codes: change your password and make new backup codes straight away, and tell your administrator. If you can't sign in, {AskToLock}.",
            }),
            AccountNotice.PasswordChanged => (EmailKinds.PasswordChanged, new EmailContent(
                "Your password was changed",
                "Your password was changed",
                ["The password of your account was changed. You were signed out on every other computer, and clinic apps will ask you to sign in again."])
            {
                Closing = $"If this wasn't you, someone else has signed in to your account: set a new password straight away with \"Forgot password?\" on the sign-in page, and {AskToLock} if you can't.",
            }),
            AccountNotice.PasswordReset => (EmailKinds.PasswordChanged, new EmailContent(
                "Your password was reset",
                "Your password was reset",
                ["Your password was reset using a link sent to this address. You were signed out everywhere, and clinic apps will ask you to sign in again."])
            {
                Closing = $"If this wasn't you, someone can read your email and has your second factor: {AskToLock} straight away, and change the password of your email account.",
            }),
            AccountNotice.LockedAfterWrongPasswords => (EmailKinds.AccountLocked, new EmailContent(
                "Your account was locked after wrong passwords",
                $"Your account is locked for {Describe(facts.LockoutDuration)}",
                [$"Too many wrong passwords were entered for your account in a row, so it is locked for {Describe(facts.LockoutDuration)}. Until then nobody can sign in to it, not even with the right password.",
                 "If it was you, wait until the lock ends, or ask your administrator to unlock your account sooner."])
            {
                Closing = "If it wasn't you, someone may be trying to guess your password: once the lock ends, change your password to one you don't use anywhere else, and tell your administrator.",
            }),
            AccountNotice.LockedAfterWrongCodes => (EmailKinds.AccountLocked, new EmailContent(
                "Your account was locked after wrong codes",
                $"Your account is locked for {Describe(facts.LockoutDuration)}",
                [$"Someone got through the first step of signing in to your account (your password, or a password-reset link sent to this address) and then entered too many wrong codes for your second factor, so your account is locked for {Describe(facts.LockoutDuration)}.",
                 "If it was you, wait until the lock ends, or ask your administrator to unlock your account sooner."])
            {
                Closing = $"If it wasn't you, someone knows your password: {AskToLock} until you have changed your password, and change it as soon as you can sign in.",
            }),
            AccountNotice.LockedByAdministrator => (EmailKinds.AccountLocked, new EmailContent(
                "Your account was locked by an administrator",
                "An administrator locked your account",
                ["You were signed out everywhere, and you can't sign in until an administrator unlocks your account."])
            {
                Closing = "If you don't know why, ask your administrator.",
            }),
            AccountNotice.ComputerRemembered => (EmailKinds.ComputerRemembered, new EmailContent(
                "A sign-in from a new browser was remembered",
                "A computer was remembered for your account",
                ["Someone signed in to your account with your password and your second factor, and ticked \"Remember this computer\". Signing in on that browser now asks only for your password until it is forgotten or the time runs out.",
                 "You can see and forget your remembered computers on your security page."])
            {
                Closing = $"If this wasn't you, someone has your password and your second factor: forget the computer on your security page, change your password straight away (that forgets every remembered computer too), and tell your administrator. If you can't sign in, {AskToLock}.",
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "No message for this notice."),
        };

        return (kind, content with { Facts = FactsOf(notice, facts) });
    }

    private static List<KeyValuePair<string, string>> FactsOf(AccountNotice notice, NotificationFacts facts)
    {
        var list = new List<KeyValuePair<string, string>> { new("Account", facts.Account), new("When", facts.When) };
        if (facts.By is not null)
        {
            list.Add(new("By", facts.By));
        }

        list.Add(new("From", facts.From));
        if (notice == AccountNotice.BackupCodeUsed)
        {
            list.Add(new("Backup codes left", (facts.BackupCodesLeft ?? 0).ToString(CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static string BackupCodesLeftSentence(int left) => left switch
    {
        0 => "You have no backup codes left: make new ones on your security page as soon as you can.",
        1 => "You have 1 backup code left: make new ones on your security page before it runs out.",
        <= BackupCodeStore.LowWarningThreshold => $"You have {left} backup codes left: make new ones on your security page before they run out.",
        _ => $"You have {left} backup codes left.",
    };

    private static string Describe(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => "a short while",
        { TotalHours: < 1 } => Plural((int)Math.Round(duration.TotalMinutes), "minute"),
        { TotalDays: < 1 } when duration.Minutes == 0 => Plural((int)duration.TotalHours, "hour"),
        { TotalDays: < 1 } => Plural((int)Math.Round(duration.TotalMinutes), "minute"),
        _ => Plural((int)Math.Round(duration.TotalDays), "day"),
    };

    private static string Plural(int count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
