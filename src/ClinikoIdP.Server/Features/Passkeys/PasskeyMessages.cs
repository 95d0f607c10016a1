namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>What a person is told about passkeys, in plain words.</summary>
public static class PasskeyMessages
{
    public const string NotAccepted = "That passkey wasn't accepted. Try again, or use another way to confirm it's you.";
    public const string PasswordlessRefused = "That passkey can't sign you in. Sign in with your email and password instead.";
    public const string Expired = "That took too long or was already used. Press the button to try again.";
    public const string Malformed = "Your browser sent something we couldn't read. Reload the page and try again.";
    public const string LockedOut = "Too many failed attempts. For your security the account is locked for 15 minutes.";
    public const string TooMany = "You already have 10 passkeys, the most allowed. Remove one you no longer use first.";
    public const string NotCreated = "The passkey couldn't be added. Try again; if it keeps failing, try another device.";
    public const string AlreadyAdded = "That passkey is already registered.";
    public const string NameRequired = "Give the passkey a name, such as \"Work laptop\" or \"My phone\".";
    public const string NameTooLong = "Use a name of 50 characters or fewer.";
    public const string VerifyFirst = "To change your passkeys, first confirm it's you.";
    public const string LastFactorRequired =
        "Your clinic requires two-step verification, and this is your only second step. Add another passkey or set up an authenticator app first.";
    public const string NotFound = "That passkey is no longer on your account.";
}
