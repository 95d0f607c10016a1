using ClinikoIdP.Authentication.Totp;

namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>What a person is told when a code is refused: plainly, and with a hint when the phone's clock looks wrong.</summary>
public static class SecondFactorMessages
{
    public const string WrongOrUsed = "That code is wrong or has already been used. Wait for the next code in your app and try again.";
    public const string Unrecognised = "Enter the 6-digit code from your authenticator app, or one of your backup codes (XXXX-XXXX-XXXX-XXXX).";
    public const string LockedOut = "Too many wrong codes. For your security the account is locked for 15 minutes.";
    public const string Expired = "Your sign-in took too long and has expired. Please sign in again.";

    public static string For(TotpCheck check) => check.Outcome switch
    {
        TotpOutcome.ClockSkewSuspected =>
            $"That code is wrong, but it would match if your phone's clock were about {Math.Abs(check.SkewSteps ?? 0) * 30} seconds " +
            $"{((check.SkewSteps ?? 0) > 0 ? "behind" : "ahead")}. Check that your phone sets its time automatically, then try the next code.",
        _ => WrongOrUsed,
    };
}
