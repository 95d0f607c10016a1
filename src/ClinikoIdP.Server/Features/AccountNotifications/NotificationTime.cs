using System.Globalization;

namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>
/// When something happened, as the clinic reads a clock: "Tuesday 3 March 2026, 14:05 (Australia/Sydney)", in the
/// zone named by <c>Email:TimeZone</c> (an IANA id such as <c>Australia/Sydney</c>; UTC when unset or unknown).
/// The zone is named beside the time because staff travel and mail is read later.
/// </summary>
public static class NotificationTime
{
    public const string Utc = "UTC";

    public static string Format(DateTimeOffset when, TimeZoneInfo zone, string zoneName)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(when, zone);
        return local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zoneName})";
    }

    /// <summary>The configured zone and the name to show, or null when <paramref name="configured"/> is no known zone.</summary>
    public static (TimeZoneInfo Zone, string Name)? Resolve(string? configured)
    {
        var id = configured?.Trim();
        if (string.IsNullOrEmpty(id) || string.Equals(id, Utc, StringComparison.OrdinalIgnoreCase))
        {
            return (TimeZoneInfo.Utc, Utc);
        }

        try
        {
            return (TimeZoneInfo.FindSystemTimeZoneById(id), id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
