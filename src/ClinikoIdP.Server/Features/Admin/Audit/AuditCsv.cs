using System.Globalization;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.Server.Features.Admin.Audit;

/// <summary>
/// The audit trail as CSV (RFC 4180: CRLF lines, quoted cells where needed), safe to open in a spreadsheet:
/// text that would start a formula is prefixed with an apostrophe (OWASP "CSV injection").
/// </summary>
public static class AuditCsv
{
    /// <summary>Beyond this many events an export is cut short: narrow the dates and export in parts.</summary>
    public const int MaxRows = 100_000;

    public static IReadOnlyList<string> Header { get; } =
    [
        "Sequence", "Event id", "Time (UTC)", "Event", "Kind", "Outcome", "User id", "Email", "Administrator",
        "Administrator id", "App", "IP address", "User agent", "Detail", "Previous hash", "Hash",
    ];

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static IEnumerable<string?> Cells(SecurityEventRecord entry, AuditPeople people)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(people);
        return
        [
            entry.Sequence?.ToString(CultureInfo.InvariantCulture),
            entry.Id.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SecurityEventLabels.ForKind(entry.Kind),
            entry.Kind,
            entry.Outcome,
            entry.UserId,
            entry.Email,
            people.Actor(entry.ActorId),
            entry.ActorId,
            entry.ClientId,
            entry.IpAddress,
            entry.UserAgent,
            entry.Detail,
            entry.PreviousHash,
            entry.Hash,
        ];
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Spreadsheets run a cell that starts with = + - @ as a formula, and some skip a leading tab or CR first.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
