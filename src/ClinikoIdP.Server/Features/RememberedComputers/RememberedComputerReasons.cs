namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>Why a remembered computer was revoked (stored in <see cref="RememberedComputerRecord.RevokedReason"/>).</summary>
public static class RememberedComputerReasons
{
    public const string ForgottenByPerson = "forgotten by the person";
    public const string ForgottenByAdministrator = "forgotten by an administrator";
    public const string PasswordChanged = "password changed";
    public const string PasswordReset = "password reset";
    public const string AuthenticatorRemoved = "authenticator removed or reset";
    public const string PasskeyRemoved = "passkey removed";
    public const string AccountLocked = "account locked";

    /// <summary>Remembered again in the same browser: the new token replaces the old one.</summary>
    public const string Replaced = "remembered again";
}
