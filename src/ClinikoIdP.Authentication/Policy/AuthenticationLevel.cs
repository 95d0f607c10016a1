namespace ClinikoIdP.Authentication.Policy;

/// <summary>The amr and acr a session records for each way of signing in.</summary>
public static class AuthenticationLevel
{
    public static IReadOnlyList<string> AfterPassword { get; } = [Amr.Password];

    public static IReadOnlyList<string> AfterAuthenticatorCode { get; } =
        [Amr.Password, Amr.OneTimePassword, Amr.MultipleFactor];

    public static IReadOnlyList<string> AfterRecoveryCode { get; } =
        [Amr.Password, Amr.MultipleFactor, Amr.RecoveryCode];

    /// <summary>The acr matching an amr list: multi-factor exactly when "mfa" is among the methods.</summary>
    public static string AcrFor(IEnumerable<string> amr)
    {
        ArgumentNullException.ThrowIfNull(amr);
        return amr.Contains(Amr.MultipleFactor, StringComparer.Ordinal) ? Acr.MultiFactor : Acr.Password;
    }
}
