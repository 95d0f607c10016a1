namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>What a notification tells about the event, already in words.</summary>
/// <param name="Account">The account's email address (the sign-in name).</param>
/// <param name="When">When it happened, in the clinic's time zone (<see cref="NotificationTime"/>).</param>
/// <param name="From">Where it came from: browser, system and IP address, or the server's command line.</param>
/// <param name="By">The administrator who did it, for an administrator's action.</param>
/// <param name="BackupCodesLeft">Unused backup codes after the event, for a used backup code.</param>
/// <param name="LockoutDuration">How long failed attempts lock the account.</param>
public sealed record NotificationFacts(
    string Account, string When, string From, string? By = null, int? BackupCodesLeft = null, TimeSpan LockoutDuration = default);
