using ClinikoIdP.Server.Features.AccountNotifications;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.UnitTests.AccountNotifications;

public class NotificationMessagesTests
{
    private static readonly NotificationFacts Facts = new(
        "jane@clinic.test", "Tuesday 3 March 2026, 14:05 (Australia/Sydney)", "Chrome on Windows, IP address 203.0.113.7",
        BackupCodesLeft: 2, LockoutDuration: TimeSpan.FromMinutes(15));

    public static TheoryData<AccountNotice> Notices() => [.. Enum.GetValues<AccountNotice>()];

    [Theory]
    [MemberData(nameof(Notices))]
    public void EveryNoticeSaysWhenFromWhereAndWhatToDo(AccountNotice notice)
    {
        var (kind, content) = NotificationMessages.Compose(notice, Facts);

        Assert.False(string.IsNullOrEmpty(kind));
        Assert.Contains(content.Facts, f => f.Key == "When" && f.Value == Facts.When);
        Assert.Contains(content.Facts, f => f.Key == "From" && f.Value == Facts.From);
        Assert.Contains(content.Facts, f => f.Key == "Account" && f.Value == Facts.Account);
        Assert.False(string.IsNullOrWhiteSpace(content.Closing));
        Assert.Null(content.Action);
    }

    [Theory]
    [InlineData(0, "You have no backup codes left")]
    [InlineData(1, "You have 1 backup code left")]
    [InlineData(3, "You have 3 backup codes left: make new ones")]
    [InlineData(7, "You have 7 backup codes left.")]
    public void ABackupCodeMessageCountsWhatIsLeft(int left, string expected)
    {
        var (_, content) = NotificationMessages.Compose(AccountNotice.BackupCodeUsed, Facts with { BackupCodesLeft = left });

        Assert.Contains(content.Paragraphs, p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(content.Facts, f => f.Key == "Backup codes left" && f.Value == left.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ALockoutSaysHowLongItLasts()
    {
        var (_, content) = NotificationMessages.Compose(AccountNotice.LockedAfterWrongPasswords, Facts);

        Assert.Equal("Your account is locked for 15 minutes", content.Heading);
    }

    [Fact]
    public void AnAdministratorsActionNamesThem()
    {
        var (_, content) = NotificationMessages.Compose(AccountNotice.LockedByAdministrator, Facts with { By = "Sam Lee, an administrator" });

        Assert.Contains(content.Facts, f => f.Key == "By" && f.Value == "Sam Lee, an administrator");
    }

    [Theory]
    [InlineData(SecurityEventKinds.AuthenticatorEnrolled, SecurityEventOutcomes.Succeeded, null, AccountNotice.AuthenticatorEnrolled)]
    [InlineData(SecurityEventKinds.AdminReset2fa, SecurityEventOutcomes.Succeeded, null, AccountNotice.AuthenticatorResetByAdministrator)]
    [InlineData(SecurityEventKinds.AuthenticatorRemoved, SecurityEventOutcomes.Succeeded, null, AccountNotice.AuthenticatorRemoved)]
    [InlineData(SecurityEventKinds.BackupCodesRegenerated, SecurityEventOutcomes.Succeeded, null, AccountNotice.BackupCodesRegenerated)]
    [InlineData(SecurityEventKinds.BackupCodeUsed, SecurityEventOutcomes.Succeeded, "4 left", AccountNotice.BackupCodeUsed)]
    [InlineData(SecurityEventKinds.PasswordChanged, SecurityEventOutcomes.Succeeded, null, AccountNotice.PasswordChanged)]
    [InlineData(SecurityEventKinds.PasswordReset, SecurityEventOutcomes.Succeeded, null, AccountNotice.PasswordReset)]
    [InlineData(SecurityEventKinds.SignIn, SecurityEventOutcomes.LockedOut, "password", AccountNotice.LockedAfterWrongPasswords)]
    [InlineData(SecurityEventKinds.SecondFactor, SecurityEventOutcomes.LockedOut, "authenticator", AccountNotice.LockedAfterWrongCodes)]
    [InlineData(SecurityEventKinds.AdminUserLocked, SecurityEventOutcomes.Succeeded, null, AccountNotice.LockedByAdministrator)]
    public void EventsThatChangeHowSomeoneSignsInNotifyThem(string kind, string outcome, string? detail, AccountNotice expected)
    {
        Assert.Equal(expected, NotificationTriggers.For(Event(kind, outcome, detail)));
    }

    [Theory]
    [InlineData(SecurityEventKinds.BackupCodesRegenerated, SecurityEventOutcomes.Succeeded, NotificationTriggers.BackupCodesAtEnrolment)]
    [InlineData(SecurityEventKinds.PasswordChanged, SecurityEventOutcomes.Failed, null)]
    [InlineData(SecurityEventKinds.SignIn, SecurityEventOutcomes.Failed, "password")]
    [InlineData(SecurityEventKinds.SignIn, SecurityEventOutcomes.Succeeded, "password")]
    [InlineData(SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Succeeded, "authenticator")]
    [InlineData(SecurityEventKinds.AdminUserUnlocked, SecurityEventOutcomes.Succeeded, null)]
    [InlineData(SecurityEventKinds.PasswordResetRequested, SecurityEventOutcomes.Succeeded, null)]
    public void OtherEventsSendNothing(string kind, string outcome, string? detail)
    {
        Assert.Null(NotificationTriggers.For(Event(kind, outcome, detail)));
    }

    private static SecurityEventRecord Event(string kind, string outcome, string? detail) =>
        new() { Kind = kind, Outcome = outcome, Detail = detail, UserId = "u-1" };
}
