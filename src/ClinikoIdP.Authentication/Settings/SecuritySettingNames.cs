namespace ClinikoIdP.Authentication.Settings;

/// <summary>The stored names of the settings (stable strings: rows in the database carry them).</summary>
public static class SecuritySettingNames
{
    public const string RequireTwoFactor = "RequireTwoFactorForAllUsers";
    public const string SessionIdleTimeout = "SessionIdleTimeout";
    public const string SessionAbsoluteLifetime = "SessionAbsoluteLifetime";
    public const string LockoutThreshold = "LockoutThreshold";
    public const string PasswordlessPasskeys = "PasswordlessPasskeys";
    public const string RememberComputers = "RememberComputers";
    public const string RememberComputerDays = "RememberComputerDays";

    public static readonly IReadOnlyList<string> All =
    [
        RequireTwoFactor, SessionIdleTimeout, SessionAbsoluteLifetime, LockoutThreshold,
        PasswordlessPasskeys, RememberComputers, RememberComputerDays,
    ];

    /// <summary>How an auditor reads the setting's name.</summary>
    public static string Describe(string name) => name switch
    {
        RequireTwoFactor => "Require two-step verification for all users",
        SessionIdleTimeout => "Session idle timeout",
        SessionAbsoluteLifetime => "Session lifetime",
        LockoutThreshold => "Lockout threshold",
        PasswordlessPasskeys => "Sign in with a passkey alone",
        RememberComputers => "Allow remembering computers",
        RememberComputerDays => "Days a computer is remembered",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown setting."),
    };
}
