namespace ClinikoIdP.Server.Features.Session;

/// <summary>Why a session ended (<see cref="UserSessionRecord.EndReason"/>; stable strings).</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed_out";
    public const string SignedOutEverywhere = "signed_out_everywhere";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string TwoFactorReset = "two_factor_reset";
    public const string Locked = "locked";
    public const string RevokedByAdministrator = "revoked_by_administrator";

    /// <summary>The same browser signed in again (another account, or a forced fresh sign-in).</summary>
    public const string Replaced = "replaced";
}
