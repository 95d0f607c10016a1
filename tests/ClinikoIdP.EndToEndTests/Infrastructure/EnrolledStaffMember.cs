namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>A staff member who has set up an authenticator: its key (as the phone holds it) and the backup codes.</summary>
public sealed record EnrolledStaffMember(StaffMember Member, string TotpSecret, IReadOnlyList<string> BackupCodes);
