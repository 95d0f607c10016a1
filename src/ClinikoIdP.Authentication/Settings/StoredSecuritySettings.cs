using System.Globalization;

namespace ClinikoIdP.Authentication.Settings;

/// <summary>
/// Reads and writes the settings as the name/value rows of the <c>OrganisationSettings</c> table. A setting without a
/// row takes the configured default; a row that cannot be trusted (edited by hand, or from a version with other limits)
/// is ignored rather than allowed to weaken the clinic's security.
/// </summary>
public static class StoredSecuritySettings
{
    public static string Format(string name, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return name switch
        {
            SecuritySettingNames.RequireTwoFactor => settings.RequireTwoFactor ? "true" : "false",
            SecuritySettingNames.SessionIdleTimeout => settings.SessionIdleTimeout.ToString("c", CultureInfo.InvariantCulture),
            SecuritySettingNames.SessionAbsoluteLifetime => settings.SessionAbsoluteLifetime.ToString("c", CultureInfo.InvariantCulture),
            SecuritySettingNames.LockoutThreshold => settings.LockoutThreshold.ToString(CultureInfo.InvariantCulture),
            SecuritySettingNames.PasswordlessPasskeys => settings.PasswordlessPasskeys ? "true" : "false",
            SecuritySettingNames.RememberComputers => settings.RememberComputers ? "true" : "false",
            SecuritySettingNames.RememberComputerDays => settings.RememberComputerDays.ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown setting."),
        };
    }

    public static ResolvedSecuritySettings Resolve(SecuritySettings defaults, IReadOnlyDictionary<string, string> stored)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(stored);
        var effective = defaults;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var (name, value) in stored)
        {
            var applied = name switch
            {
                SecuritySettingNames.RequireTwoFactor => ParseBool(value) is { } require
                    ? effective with { RequireTwoFactor = require } : null,
                SecuritySettingNames.SessionIdleTimeout => ParseDuration(value) is { } idle && SecuritySettingBounds.IsValidIdleTimeout(idle)
                    ? effective with { SessionIdleTimeout = idle } : null,
                SecuritySettingNames.SessionAbsoluteLifetime => ParseDuration(value) is { } lifetime && SecuritySettingBounds.IsValidAbsoluteLifetime(lifetime)
                    ? effective with { SessionAbsoluteLifetime = lifetime } : null,
                SecuritySettingNames.LockoutThreshold => ParseInt(value) is { } threshold && SecuritySettingBounds.IsValidLockoutThreshold(threshold)
                    ? effective with { LockoutThreshold = threshold } : null,
                SecuritySettingNames.PasswordlessPasskeys => ParseBool(value) is { } passwordless
                    ? effective with { PasswordlessPasskeys = passwordless } : null,
                SecuritySettingNames.RememberComputers => ParseBool(value) is { } remember
                    ? effective with { RememberComputers = remember } : null,
                SecuritySettingNames.RememberComputerDays => ParseInt(value) is { } days && SecuritySettingBounds.IsValidRememberComputerDays(days)
                    ? effective with { RememberComputerDays = days } : null,
                _ => null,
            };

            if (applied is null)
            {
                ignored.Add(name);
                continue;
            }

            effective = applied;
            used.Add(name);
        }

        return new ResolvedSecuritySettings(effective, used, ignored);
    }

    private static bool? ParseBool(string value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static TimeSpan? ParseDuration(string value) =>
        TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static int? ParseInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
