namespace ClinikoIdP.Server;

/// <summary>Every log event of the server in one table. Nothing secret (passwords, codes, keys, tokens) is ever logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "No administrator exists yet. Create one with: {Command}")]
    public static partial void NoAdministrator(ILogger logger, string command);

    [LoggerMessage(1001, LogLevel.Information, "Created {Use} key {KeyId}")]
    public static partial void KeyCreated(ILogger logger, string use, string keyId);

    [LoggerMessage(1002, LogLevel.Information, "Loaded {Count} signing keys (active {KeyId}) and {EncryptionCount} encryption keys")]
    public static partial void KeysLoaded(ILogger logger, int count, string keyId, int encryptionCount);

    [LoggerMessage(1003, LogLevel.Information, "The keys in the database changed (a rotation elsewhere, or a retired key's end); reloaded them")]
    public static partial void KeysRefreshed(ILogger logger);

    [LoggerMessage(1004, LogLevel.Warning, "Could not check the database for new keys ({Reason}); keeping the loaded ones")]
    public static partial void KeyRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(1010, LogLevel.Warning, "Could not check the database for changed clients and scopes ({Reason}); keeping the cached ones until they expire")]
    public static partial void RegistrationCheckFailed(ILogger logger, string reason);

    [LoggerMessage(1100, LogLevel.Information, "User {UserId} signed in with a password")]
    public static partial void PasswordAccepted(ILogger logger, string userId);

    [LoggerMessage(1101, LogLevel.Warning, "Failed sign-in for a submitted email (account exists: {Exists}, locked out: {LockedOut})")]
    public static partial void PasswordRejected(ILogger logger, bool exists, bool lockedOut);

    [LoggerMessage(1102, LogLevel.Information, "Session {SessionId} started for user {UserId}")]
    public static partial void SessionStarted(ILogger logger, string sessionId, string userId);

    [LoggerMessage(1103, LogLevel.Information, "User {UserId} signed out")]
    public static partial void SignedOut(ILogger logger, string userId);

    [LoggerMessage(1104, LogLevel.Information, "Asked user {UserId} before signing out: the logout request did not prove it came from their session")]
    public static partial void SignOutConfirmationAsked(ILogger logger, string userId);

    [LoggerMessage(1105, LogLevel.Warning, "Refused an answer to the sign-out question while user {UserId} is signed in: its anti-forgery token is missing or not theirs")]
    public static partial void SignOutAnswerRefused(ILogger logger, string userId);

    [LoggerMessage(1200, LogLevel.Warning, "Refused a token request for user {UserId}: the account is no longer allowed to sign in")]
    public static partial void TokenRefusedForUser(ILogger logger, string userId);

    [LoggerMessage(1201, LogLevel.Warning, "Refused a token request for user {UserId}: two-step verification is required and the user has not set it up")]
    public static partial void TokenRefusedWithoutSecondFactor(ILogger logger, string userId);

    [LoggerMessage(1202, LogLevel.Warning, "Refused a client assertion of client {ClientId}: {Reason}")]
    public static partial void ClientAssertionRefused(ILogger logger, string clientId, string reason);

    [LoggerMessage(1300, LogLevel.Warning, "Gave up delivering a back-channel logout to client {ClientId} after {Attempts} attempts: {Error}")]
    public static partial void BackChannelLogoutAbandoned(ILogger logger, string clientId, int attempts, string error);

    [LoggerMessage(1301, LogLevel.Error, "The back-channel logout queue could not be processed")]
    public static partial void BackChannelLogoutQueueFailed(ILogger logger, Exception exception);

    [LoggerMessage(1600, LogLevel.Warning, "Ignored the stored organisation setting {Name}: its value is unreadable or outside the allowed limits, so the configured default applies")]
    public static partial void OrganisationSettingIgnored(ILogger logger, string name);

    [LoggerMessage(1400, LogLevel.Information, "Sealed {Count} earlier security events into the audit chain")]
    public static partial void AuditEventsSealed(ILogger logger, int count);

    [LoggerMessage(1401, LogLevel.Warning, "Did not seal earlier security events: another writer started the audit chain first ({Reason})")]
    public static partial void AuditSealSkipped(ILogger logger, string reason);

    [LoggerMessage(1402, LogLevel.Error, "Gave up appending a {Kind} event to the audit chain after {Attempts} attempts")]
    public static partial void AuditAppendGaveUp(ILogger logger, string kind, int attempts);

    [LoggerMessage(1403, LogLevel.Information, "Reloaded the token server's keys after a rotation (new {Use} key {KeyId})")]
    public static partial void KeysReloaded(ILogger logger, string use, string keyId);

    [LoggerMessage(1820, LogLevel.Warning, "Refused a {Action} request over the per-{Scope} limit from {Address}; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string action, string scope, string address, int retryAfterSeconds);

    [LoggerMessage(1830, LogLevel.Warning, "The database could not be reached on {Method} {Path}: answered 503 ({ExceptionType}: {Reason})")]
    public static partial void DatabaseUnreachable(ILogger logger, string method, string path, string exceptionType, string reason);

    [LoggerMessage(1840, LogLevel.Information, "Pruned {Tokens} spent tokens, {Authorizations} spent authorizations and {AssertionUses} expired client assertion uses")]
    public static partial void Pruned(ILogger logger, long tokens, long authorizations, long assertionUses);

    [LoggerMessage(1841, LogLevel.Warning, "Could not prune spent tokens ({Reason}); trying again next round")]
    public static partial void PruningFailed(ILogger logger, string reason);

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string path);

    [LoggerMessage(1700, LogLevel.Warning, "Email is not configured (set Email:Smtp:Host and Email:From): invitations, password reset and security notifications are off")]
    public static partial void EmailNotConfigured(ILogger logger);

    [LoggerMessage(1701, LogLevel.Information, "Email delivery is on through {Host}:{Port} ({Security})")]
    public static partial void EmailConfigured(ILogger logger, string host, int port, string security);

    [LoggerMessage(1702, LogLevel.Information, "Sent email {MessageId} ({Kind})")]
    public static partial void EmailSent(ILogger logger, long messageId, string kind);

    [LoggerMessage(1703, LogLevel.Warning, "Could not send email {MessageId} ({Kind}), attempt {Attempts}: {Error}")]
    public static partial void EmailDeferred(ILogger logger, long messageId, string kind, int attempts, string error);

    [LoggerMessage(1704, LogLevel.Error, "Gave up sending email {MessageId} ({Kind}) after {Attempts} attempts: {Error}")]
    public static partial void EmailAbandoned(ILogger logger, long messageId, string kind, int attempts, string error);

    [LoggerMessage(1705, LogLevel.Error, "The email outbox could not be processed")]
    public static partial void EmailQueueFailed(ILogger logger, Exception exception);

    [LoggerMessage(1730, LogLevel.Information, "Queued a {Kind} security notification for user {UserId}")]
    public static partial void NotificationQueued(ILogger logger, string kind, string userId);

    [LoggerMessage(1731, LogLevel.Error, "Could not queue the security notification for a {EventKind} event of user {UserId}; the action itself went ahead")]
    public static partial void NotificationNotQueued(ILogger logger, Exception exception, string eventKind, string userId);

    [LoggerMessage(1732, LogLevel.Warning, "Email:TimeZone '{TimeZone}' is not a time zone this server knows (use an IANA id such as Australia/Sydney); security notifications give times in UTC")]
    public static partial void EmailTimeZoneUnknown(ILogger logger, string timeZone);

    [LoggerMessage(1733, LogLevel.Information, "Administrator {UserId} queued a test email to their own address")]
    public static partial void TestEmailQueued(ILogger logger, string userId);

    [LoggerMessage(1720, LogLevel.Information, "Emailed a password-reset link to user {UserId}")]
    public static partial void PasswordResetLinkQueued(ILogger logger, string userId);

    [LoggerMessage(1721, LogLevel.Information, "A password reset was asked for user {UserId}, but no email was sent: {Reason}")]
    public static partial void PasswordResetNotSent(ILogger logger, string userId, string reason);

    [LoggerMessage(1722, LogLevel.Information, "A password reset was asked for an address that matches no account")]
    public static partial void PasswordResetForUnknownAddress(ILogger logger);

    [LoggerMessage(1723, LogLevel.Warning, "A password-reset request took {ElapsedMilliseconds} ms, more than its {FloorMilliseconds} ms response floor: its timing may reveal whether the account exists")]
    public static partial void PasswordResetSlowerThanFloor(ILogger logger, long elapsedMilliseconds, long floorMilliseconds);

    [LoggerMessage(1724, LogLevel.Error, "Could not queue a password-reset email for user {UserId}")]
    public static partial void PasswordResetQueueFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(1725, LogLevel.Information, "User {UserId} chose a new password through a reset link; it applies once the second factor passes")]
    public static partial void PasswordResetAwaitingSecondFactor(ILogger logger, string userId);

    [LoggerMessage(1726, LogLevel.Information, "User {UserId} reset their password ({Detail})")]
    public static partial void PasswordResetCompleted(ILogger logger, string userId, string detail);

    [LoggerMessage(1727, LogLevel.Information, "Refused a password-reset link: unknown, used, revoked or expired")]
    public static partial void PasswordResetLinkRefused(ILogger logger);

    [LoggerMessage(1728, LogLevel.Warning, "The password reset of user {UserId} could not be finished: its new password was no longer waiting")]
    public static partial void PasswordResetNotFinished(ILogger logger, string userId);

    [LoggerMessage(1729, LogLevel.Information, "Refused a password reset for user {UserId}: {Reason}")]
    public static partial void PasswordResetRefused(ILogger logger, string userId, string reason);

    [LoggerMessage(1710, LogLevel.Information, "Queued an invitation for user {UserId} (replacing an earlier one: {Resent})")]
    public static partial void InvitationSent(ILogger logger, string userId, bool resent);

    [LoggerMessage(1711, LogLevel.Information, "User {UserId} accepted their invitation and chose a password")]
    public static partial void InvitationAccepted(ILogger logger, string userId);

    [LoggerMessage(1712, LogLevel.Information, "Cancelled the invitation of user {UserId}; the account was deleted")]
    public static partial void InvitationCancelled(ILogger logger, string userId);

    [LoggerMessage(1713, LogLevel.Information, "Refused an invitation link that is unknown, expired, used or replaced")]
    public static partial void InvitationLinkRefused(ILogger logger);

    [LoggerMessage(1750, LogLevel.Information, "Remembered computer {ComputerId} for user {UserId}, for {Days} days")]
    public static partial void ComputerRemembered(ILogger logger, string userId, long computerId, int days);

    [LoggerMessage(1751, LogLevel.Information, "User {UserId} skipped the second factor on remembered computer {ComputerId}")]
    public static partial void ComputerRecognised(ILogger logger, string userId, long computerId);

    [LoggerMessage(1752, LogLevel.Information, "A remembered-computer cookie of user {UserId} no longer matches a live remembered computer; it was deleted")]
    public static partial void ComputerNotRecognised(ILogger logger, string userId);

    [LoggerMessage(1753, LogLevel.Information, "Forgot {Count} remembered computers of user {UserId} ({Reason})")]
    public static partial void ComputersForgotten(ILogger logger, string userId, int count, string reason);
}
