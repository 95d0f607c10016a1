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
    public TwoFactorEnforcement Enforcement => RequireTwoFactor ? TwoFactorEnforcement.Always : TwoFactorEnforcement.WhenRequested;

    public SessionTimeouts SessionTimeouts => new(SessionIdleTimeout, SessionAbsoluteLifetime);
}
