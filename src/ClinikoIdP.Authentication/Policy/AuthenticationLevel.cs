namespace ClinikoIdP.Authentication.Policy;

/// <summary>The amr and acr a session records for each way of signing in.</summary>
public static class AuthenticationLevel
{
    public static IReadOnlyList<string> AfterPassword { get; } = [Amr.Password];

    public static IReadOnlyList<string> AfterAuthenticatorCode { get; } =
        [Amr.Password, Amr.OneTimePassword, Amr.MultipleFactor];

    public static IReadOnlyList<string> AfterRecoveryCode { get; } =
        [Amr.Password, Amr.MultipleFactor, Amr.RecoveryCode];

    public static IReadOnlyList<string> AfterRememberedComputer { get; } = [Amr.Password, Amr.RememberedComputer];

    /// <summary>A password, then a passkey as the second factor.</summary>
    public static IReadOnlyList<string> AfterPasskeySecondFactor(bool hardwareBound) =>
        [Amr.Password, PasskeyMethod(hardwareBound), Amr.MultipleFactor];

    /// <summary>
    /// A passkey on its own. Only a passkey that verified the person (PIN or biometric) may do this, so it is two
    /// factors in one: something held and something known or been.
    /// </summary>
    public static IReadOnlyList<string> AfterPasswordlessPasskey(bool hardwareBound) =>
        [PasskeyMethod(hardwareBound), Amr.MultipleFactor];

    /// <summary>
    /// The acr matching an amr list: phishing resistant when a passkey was used, multi-factor when "mfa" is among the
    /// methods, otherwise password.
    /// </summary>
    public static string AcrFor(IEnumerable<string> amr)
    {
        ArgumentNullException.ThrowIfNull(amr);
        var methods = amr as IReadOnlyCollection<string> ?? [.. amr];
        if (methods.Any(Amr.IsPasskey))
        {
            return Acr.PhishingResistant;
        }

        return methods.Contains(Amr.MultipleFactor, StringComparer.Ordinal) ? Acr.MultiFactor : Acr.Password;
    }

    /// <summary>What a session recording these methods has proven, for <see cref="SecondFactorPolicy"/>.</summary>
    public static SessionState StateFor(IEnumerable<string> amr)
    {
        ArgumentNullException.ThrowIfNull(amr);
        var methods = amr as IReadOnlyCollection<string> ?? [.. amr];
        if (methods.Count == 0)
        {
            return SessionState.None;
        }

        if (methods.Any(Amr.IsPasskey))
        {
            return SessionState.PhishingResistantPassed;
        }

        if (methods.Contains(Amr.MultipleFactor, StringComparer.Ordinal))
        {
            return SessionState.SecondFactorPassed;
        }

        return methods.Contains(Amr.RememberedComputer, StringComparer.Ordinal) ? SessionState.RememberedComputer : SessionState.PasswordOnly;
    }

    /// <summary>A passkey that may be backed up to other devices (synced) is software-secured; otherwise hardware.</summary>
    private static string PasskeyMethod(bool hardwareBound) => hardwareBound ? Amr.HardwareKey : Amr.SoftwareKey;
}
