namespace ClinikoIdP.Authentication.Settings;

/// <summary>
/// The values an administrator may choose. The limits keep a clinic inside sensible practice: NIST SP 800-63B-4
/// asks AAL2 sessions to re-authenticate at least every 24 hours and after at most an hour idle; the console allows
/// a little more room (12 h idle, 30 days) for clinics that accept the risk, never an unlimited session.
/// </summary>
public static class SecuritySettingBounds
{
    public static readonly TimeSpan MinIdleTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxIdleTimeout = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinAbsoluteLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxAbsoluteLifetime = TimeSpan.FromDays(30);

    // Fewer than 3 locks people out for a typo; more than 20 gives a guesser too many tries per lockout.
    public const int MinLockoutThreshold = 3;
    public const int MaxLockoutThreshold = 20;

    // Cliniko remembers a computer for 30 days; beyond 90 a forgotten front-desk computer stays trusted too long.
    public const int DefaultRememberComputerDays = 30;
    public const int MinRememberComputerDays = 1;
    public const int MaxRememberComputerDays = 90;

    public static bool IsValidRememberComputerDays(int value) => value is >= MinRememberComputerDays and <= MaxRememberComputerDays;

    public static bool IsValidIdleTimeout(TimeSpan value) => value >= MinIdleTimeout && value <= MaxIdleTimeout;

    public static bool IsValidAbsoluteLifetime(TimeSpan value) => value >= MinAbsoluteLifetime && value <= MaxAbsoluteLifetime;

    public static bool IsValidLockoutThreshold(int value) => value is >= MinLockoutThreshold and <= MaxLockoutThreshold;

    /// <summary>
    /// Checks the values an administrator changed. A value left as it is (for instance a configured default outside
    /// these limits) is not judged again, so it never blocks saving another setting.
    /// </summary>
    public static IReadOnlyList<SettingProblem> Validate(SecuritySettings current, SecuritySettings proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var problems = new List<SettingProblem>();
        var idleChanged = proposed.SessionIdleTimeout != current.SessionIdleTimeout;
        var lifetimeChanged = proposed.SessionAbsoluteLifetime != current.SessionAbsoluteLifetime;

        if (idleChanged && !IsValidIdleTimeout(proposed.SessionIdleTimeout))
        {
            problems.Add(new(SecuritySettingNames.SessionIdleTimeout,
                $"Choose between {SettingText.Duration(MinIdleTimeout)} and {SettingText.Duration(MaxIdleTimeout)}."));
        }

        if (lifetimeChanged && !IsValidAbsoluteLifetime(proposed.SessionAbsoluteLifetime))
        {
            problems.Add(new(SecuritySettingNames.SessionAbsoluteLifetime,
                $"Choose between {SettingText.Duration(MinAbsoluteLifetime)} and {SettingText.Duration(MaxAbsoluteLifetime)}."));
        }

        if ((idleChanged || lifetimeChanged) && problems.Count == 0
            && proposed.SessionIdleTimeout > proposed.SessionAbsoluteLifetime)
        {
            problems.Add(new(SecuritySettingNames.SessionIdleTimeout,
                $"The idle timeout can't be longer than the session lifetime ({SettingText.Duration(proposed.SessionAbsoluteLifetime)})."));
        }

        if (proposed.LockoutThreshold != current.LockoutThreshold && !IsValidLockoutThreshold(proposed.LockoutThreshold))
        {
            problems.Add(new(SecuritySettingNames.LockoutThreshold,
                $"Choose between {MinLockoutThreshold} and {MaxLockoutThreshold} attempts."));
        }

        if (proposed.RememberComputerDays != current.RememberComputerDays && !IsValidRememberComputerDays(proposed.RememberComputerDays))
        {
            problems.Add(new(SecuritySettingNames.RememberComputerDays,
                $"Choose between {MinRememberComputerDays} and {MaxRememberComputerDays} days."));
        }

        return problems;
    }
}
