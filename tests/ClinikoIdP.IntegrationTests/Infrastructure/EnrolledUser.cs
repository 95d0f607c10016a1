namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>A user who has enrolled: their account, the authenticator app they scanned, and the backup codes shown.</summary>
public sealed record EnrolledUser(TestUser User, AuthenticatorApp App, IReadOnlyList<string> BackupCodes);
