namespace ClinikoIdP.Server.Features.AccountLinks;

public static class AccountLinkPurposes
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password_reset";
}
