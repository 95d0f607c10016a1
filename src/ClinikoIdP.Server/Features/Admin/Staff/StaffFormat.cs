using System.Globalization;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Times on the staff pages: one unambiguous form (UTC), the same for every administrator.</summary>
public static class StaffFormat
{
    public static string When(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
