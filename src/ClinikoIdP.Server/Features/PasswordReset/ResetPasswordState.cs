namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>What the reset page shows.</summary>
public enum ResetPasswordState
{
    /// <summary>The link is live: choose a new password.</summary>
    ChoosePassword,

    /// <summary>Unknown, used, revoked, expired or tampered: one page for all of them.</summary>
    LinkUnusable,

    /// <summary>The link is genuine, but an administrator has locked the account.</summary>
    AccountLocked,
}
