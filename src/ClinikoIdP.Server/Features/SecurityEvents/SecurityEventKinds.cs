namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>The kinds of event in the audit trail (stable strings: the admin console filters on them).</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign_in";
    public const string SecondFactor = "second_factor";
    public const string AuthenticatorEnrolled = "authenticator_enrolled";
    public const string AuthenticatorRemoved = "authenticator_removed";
    public const string BackupCodeUsed = "backup_code_used";
    public const string BackupCodesRegenerated = "backup_codes_regenerated";
    public const string PasswordChanged = "password_changed";
    public const string AdminReset2fa = "admin_reset_2fa";
    public const string SignOut = "sign_out";

    // Passkeys (WebAuthn): added, removed, and each use (second factor, step-up, passwordless).
    public const string PasskeyAdded = "passkey_added";
    public const string PasskeyRemoved = "passkey_removed";
    public const string PasskeyUsed = "passkey_used";

    // Remembered computers (skip the second factor on one browser).
    public const string ComputerRemembered = "computer_remembered";
    public const string ComputerForgotten = "computer_forgotten";
    public const string RememberedComputerUsed = "remembered_computer_used";

    // Account links sent by email (invitations, password reset).
    public const string InvitationSent = "invitation_sent";
    public const string InvitationAccepted = "invitation_accepted";
    public const string InvitationCancelled = "invitation_cancelled";
    public const string PasswordResetRequested = "password_reset_requested";
    public const string PasswordReset = "password_reset";

    // Administrative actions (the event's ActorId names the administrator).
    public const string AdminClientCreated = "admin_client_created";
    public const string AdminClientUpdated = "admin_client_updated";
    public const string AdminClientDeleted = "admin_client_deleted";
    public const string AdminClientSecretRotated = "admin_client_secret_rotated";
    public const string AdminClientEnabled = "admin_client_enabled";
    public const string AdminClientDisabled = "admin_client_disabled";
    public const string AdminScopeCreated = "admin_scope_created";
    public const string AdminScopeUpdated = "admin_scope_updated";
    public const string AdminScopeDeleted = "admin_scope_deleted";
    public const string AdminUserCreated = "admin_user_created";
    public const string AdminUserUpdated = "admin_user_updated";
    public const string AdminRoleGranted = "admin_role_granted";
    public const string AdminRoleRevoked = "admin_role_revoked";
    public const string AdminUserLocked = "admin_user_locked";
    public const string AdminUserUnlocked = "admin_user_unlocked";
    public const string AdminSessionRevoked = "admin_session_revoked";
    public const string AdminAuthorizationRevoked = "admin_authorization_revoked";
    public const string AdminSettingsChanged = "admin_settings_changed";
    public const string AdminKeyRotated = "admin_key_rotated";
    public const string AdminAuditExported = "admin_audit_exported";
    public const string AdminTestEmailSent = "admin_test_email_sent";
}
