namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>The words the admin console uses for each kind of event and each outcome.</summary>
public static class SecurityEventLabels
{
    /// <summary>Every kind the trail records, in the order the console's filter lists them, with its label.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Kinds { get; } =
    [
        new(SecurityEventKinds.SignIn, "Password sign-in"),
        new(SecurityEventKinds.SecondFactor, "Second factor"),
        new(SecurityEventKinds.BackupCodeUsed, "Backup code used"),
        new(SecurityEventKinds.AuthenticatorEnrolled, "Authenticator set up"),
        new(SecurityEventKinds.AuthenticatorRemoved, "Authenticator removed"),
        new(SecurityEventKinds.BackupCodesRegenerated, "New backup codes"),
        new(SecurityEventKinds.PasskeyUsed, "Passkey used"),
        new(SecurityEventKinds.PasskeyAdded, "Passkey added"),
        new(SecurityEventKinds.PasskeyRemoved, "Passkey removed"),
        new(SecurityEventKinds.PasswordChanged, "Password changed"),
        new(SecurityEventKinds.SignOut, "Signed out"),
        new(SecurityEventKinds.ComputerRemembered, "Computer remembered"),
        new(SecurityEventKinds.ComputerForgotten, "Remembered computer forgotten"),
        new(SecurityEventKinds.RememberedComputerUsed, "Code skipped on a remembered computer"),
        new(SecurityEventKinds.InvitationSent, "Invitation sent"),
        new(SecurityEventKinds.InvitationAccepted, "Invitation accepted"),
        new(SecurityEventKinds.InvitationCancelled, "Invitation cancelled"),
        new(SecurityEventKinds.PasswordResetRequested, "Password reset requested"),
        new(SecurityEventKinds.PasswordReset, "Password reset by email"),
        new(SecurityEventKinds.AdminReset2fa, "Two-step verification reset"),
        new(SecurityEventKinds.AdminClientCreated, "App registered"),
        new(SecurityEventKinds.AdminClientUpdated, "App changed"),
        new(SecurityEventKinds.AdminClientDeleted, "App deleted"),
        new(SecurityEventKinds.AdminClientSecretRotated, "App secret rotated"),
        new(SecurityEventKinds.AdminClientEnabled, "App enabled"),
        new(SecurityEventKinds.AdminClientDisabled, "App disabled"),
        new(SecurityEventKinds.AdminScopeCreated, "Scope created"),
        new(SecurityEventKinds.AdminScopeUpdated, "Scope changed"),
        new(SecurityEventKinds.AdminScopeDeleted, "Scope deleted"),
        new(SecurityEventKinds.AdminUserCreated, "Staff account created"),
        new(SecurityEventKinds.AdminUserUpdated, "Staff account changed"),
        new(SecurityEventKinds.AdminRoleGranted, "Administrator role granted"),
        new(SecurityEventKinds.AdminRoleRevoked, "Administrator role removed"),
        new(SecurityEventKinds.AdminUserLocked, "Account locked"),
        new(SecurityEventKinds.AdminUserUnlocked, "Account unlocked"),
        new(SecurityEventKinds.AdminSessionRevoked, "Session ended by an administrator"),
        new(SecurityEventKinds.AdminAuthorizationRevoked, "App access revoked"),
        new(SecurityEventKinds.AdminSettingsChanged, "Security settings changed"),
        new(SecurityEventKinds.AdminKeyRotated, "Token key rotated"),
        new(SecurityEventKinds.AdminAuditExported, "Audit trail exported"),
        new(SecurityEventKinds.AdminTestEmailSent, "Test email sent"),
    ];

    /// <summary>The outcomes, with the badge style the console gives each.</summary>
    public static IReadOnlyList<(string Outcome, string Label, string Badge)> Outcomes { get; } =
    [
        (SecurityEventOutcomes.Succeeded, "Succeeded", "ok"),
        (SecurityEventOutcomes.Failed, "Failed", "danger"),
        (SecurityEventOutcomes.Replayed, "Replayed code", "warn"),
        (SecurityEventOutcomes.LockedOut, "Locked out", "danger"),
    ];

    private static readonly Dictionary<string, string> KindLabels = Kinds.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);

    public static bool IsKnownKind(string kind) => KindLabels.ContainsKey(kind);

    public static bool IsKnownOutcome(string outcome) => Outcomes.Any(o => o.Outcome == outcome);

    /// <summary>The label of a kind; an unknown kind (from a newer version) shows as it is stored.</summary>
    public static string ForKind(string kind) => KindLabels.GetValueOrDefault(kind, kind);

    public static string ForOutcome(string outcome) => Outcomes.FirstOrDefault(o => o.Outcome == outcome).Label ?? outcome;

    public static string BadgeFor(string outcome) => Outcomes.FirstOrDefault(o => o.Outcome == outcome).Badge ?? "";
}
