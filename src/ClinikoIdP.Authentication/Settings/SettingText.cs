using System.Globalization;

namespace ClinikoIdP.Authentication.Settings;

/// <summary>Setting values in the words the console and the audit trail use ("30 minutes", "on").</summary>
public static class SettingText
{
    public static string Duration(TimeSpan value)
    {
        if (value >= TimeSpan.FromDays(1) && value.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return Count((long)value.TotalDays, "day");
        }

        if (value >= TimeSpan.FromHours(1) && value.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return Count((long)value.TotalHours, "hour");
        }

        if (value.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return Count((long)value.TotalMinutes, "minute");
        }

        return Count((long)Math.Round(value.TotalSeconds), "second");
    }

    public static string OnOff(bool value) => value ? "on" : "off";

    public static string Attempts(int value) => Count(value, "attempt");

    public static string Days(int value) => Count(value, "day");

    /// <summary>The value of one setting, by its stored name.</summary>
    public static string Value(string name, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return name switch
        {
            SecuritySettingNames.RequireTwoFactor => OnOff(settings.RequireTwoFactor),
            SecuritySettingNames.SessionIdleTimeout => Duration(settings.SessionIdleTimeout),
            SecuritySettingNames.SessionAbsoluteLifetime => Duration(settings.SessionAbsoluteLifetime),
            SecuritySettingNames.LockoutThreshold => Attempts(settings.LockoutThreshold),
            SecuritySettingNames.PasswordlessPasskeys => OnOff(settings.PasswordlessPasskeys),
            SecuritySettingNames.RememberComputers => OnOff(settings.RememberComputers),
            SecuritySettingNames.RememberComputerDays => Days(settings.RememberComputerDays),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown setting."),
        };
    }

    private static string Count(long count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? unit : unit + "s");
}
