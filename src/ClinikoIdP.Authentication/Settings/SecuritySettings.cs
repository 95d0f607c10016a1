using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.Authentication.Settings;

/// <summary>The organisation-wide security settings an administrator may change, as one set of values.</summary>
/// <param name="RequireTwoFactor">Everyone must use two-step verification (Cliniko's account-wide setting).</param>
/// <param name="SessionIdleTimeout">A session ends after this long without a request.</param>
/// <param name="SessionAbsoluteLifetime">A session ends this long after sign-in, whatever the activity.</param>
/// <param name="LockoutThreshold">Failed passwords or codes in a row before the account is locked.</param>
public sealed record SecuritySettings(
    bool RequireTwoFactor, TimeSpan SessionIdleTimeout, TimeSpan SessionAbsoluteLifetime, int LockoutThreshold)
{
    /// <summary>A passkey that verifies the person (PIN or biometric) may sign in on its own, without the password.</summary>
    public bool PasswordlessPasskeys { get; init; }

    /// <summary>The second-factor page offers "Remember this computer"; off by default: never on shared computers.</summary>
    public bool RememberComputers { get; init; }

    /// <summary>How many days a remembered computer skips the second factor.</summary>
    public int RememberComputerDays { get; init; } = SecuritySettingBounds.DefaultRememberComputerDays;

    public TwoFactorEnforcement Enforcement => RequireTwoFactor ? TwoFactorEnforcement.Always : TwoFactorEnforcement.WhenRequested;

    public SessionTimeouts SessionTimeouts => new(SessionIdleTimeout, SessionAbsoluteLifetime);
}
