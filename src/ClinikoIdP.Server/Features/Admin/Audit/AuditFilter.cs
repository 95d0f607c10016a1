using System.Globalization;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Audit;

/// <summary>
/// The audit trail's filters as they arrive in the address (<c>?user=&amp;kind=&amp;outcome=&amp;from=&amp;to=&amp;page=</c>),
/// checked, and turned back into links. Read by hand rather than model-bound: Razor Pages reserves the name "page".
/// </summary>
public sealed class AuditFilter
{
    public const int PageSize = 50;
    public const int MaxUserLength = 256;

    /// <summary>The outcome filter's value for "anything but succeeded" (failed, replayed, locked out).</summary>
    public const string AnyFailure = "any_failure";

    private const string DateFormat = "yyyy-MM-dd";

    public string? User { get; private init; }

    public string? Kind { get; private init; }

    public string? Outcome { get; private init; }

    public DateOnly? From { get; private init; }

    public DateOnly? To { get; private init; }

    public int Page { get; private init; } = 1;

    /// <summary>Problems with the filters, by query parameter name; the list is not shown until they are fixed.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => User is null && Kind is null && Outcome is null && From is null && To is null;

    /// <summary>The text the date fields show (what was typed, when it could not be read).</summary>
    public string FromText { get; private init; } = "";

    public string ToText { get; private init; } = "";

    /// <summary>No filter, on the given page (to show one event among its neighbours).</summary>
    public static AuditFilter AllOnPage(int page) => new() { Page = page };

    public static AuditFilter Read(IQueryCollection query)
    {
        var user = Value(query, "user");
        var kind = Value(query, "kind");
        var outcome = Value(query, "outcome");
        var fromText = Value(query, "from") ?? "";
        var toText = Value(query, "to") ?? "";
        var filter = new AuditFilter
        {
            User = user,
            Kind = kind,
            Outcome = outcome,
            From = ParseDate(fromText),
            To = ParseDate(toText),
            FromText = fromText,
            ToText = toText,
            Page = int.TryParse(Value(query, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
        };

        if (user is { Length: > MaxUserLength })
        {
            filter.Errors["user"] = $"Type an email address or user id of at most {MaxUserLength} characters.";
        }

        if (kind is not null && !SecurityEventLabels.IsKnownKind(kind))
        {
            filter.Errors["kind"] = "Choose an event type from the list.";
        }

        if (outcome is not null && outcome != AnyFailure && !SecurityEventLabels.IsKnownOutcome(outcome))
        {
            filter.Errors["outcome"] = "Choose an outcome from the list.";
        }

        if (fromText.Length > 0 && filter.From is null)
        {
            filter.Errors["from"] = "Enter the start date as year-month-day, e.g. 2026-11-28.";
        }

        if (toText.Length > 0 && filter.To is null)
        {
            filter.Errors["to"] = "Enter the end date as year-month-day, e.g. 2026-11-28.";
        }
        else if (filter.From is { } from && filter.To is { } to && to < from)
        {
            filter.Errors["to"] = "The end date is before the start date.";
        }

        return filter;
    }

    /// <summary>The events that match, newest first. <paramref name="userId"/> is the account the user filter named, if any.</summary>
    public IQueryable<SecurityEventRecord> Apply(IQueryable<SecurityEventRecord> events, string? userId)
    {
        if (userId is not null)
        {
            // An account's trail: what happened to it and what it did as an administrator.
            events = events.Where(e => e.UserId == userId || e.ActorId == userId);
        }
        else if (User is { } typed)
        {
            // No such account (any more): the email typed at a failed sign-in, or the id of a deleted account.
            // Compared ignoring case, as email addresses are usually typed, on SQLite and PostgreSQL alike.
            var pattern = typed.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var upperPattern = pattern.ToUpperInvariant();
#pragma warning disable CA1304, CA1311 // EF Core translates ToUpper() to SQL upper(); it never runs as .NET code
            events = events.Where(e => e.UserId == typed || EF.Functions.Like(e.Email!.ToUpper(), upperPattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        if (Kind is not null)
        {
            events = events.Where(e => e.Kind == Kind);
        }

        if (Outcome == AnyFailure)
        {
            events = events.Where(e => e.Outcome != SecurityEventOutcomes.Succeeded);
        }
        else if (Outcome is not null)
        {
            events = events.Where(e => e.Outcome == Outcome);
        }

        // Whole UTC days, both ends included.
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt < end);
        }

        // Newest recorded first: the order events were written in, which clocks on several servers cannot blur.
        return events.OrderByDescending(e => e.Id);
    }

    /// <summary>A link to the audit trail with these filters, on another page or for another handler.</summary>
    public string Link(int? page = null, string? handler = null)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add(new(name, value));
            }
        }

        Add("handler", handler);
        Add("user", User);
        Add("kind", Kind);
        Add("outcome", Outcome);
        Add("from", From?.ToString(DateFormat, CultureInfo.InvariantCulture));
        Add("to", To?.ToString(DateFormat, CultureInfo.InvariantCulture));
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString(AdminRoutes.Audit, parameters);
    }

    /// <summary>The filters in words, for the export's own audit event.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (User is not null)
        {
            parts.Add($"user {User}");
        }

        if (Kind is not null)
        {
            parts.Add($"event {Kind}");
        }

        if (Outcome is not null)
        {
            parts.Add($"outcome {Outcome}");
        }

        if (From is not null || To is not null)
        {
            parts.Add($"from {From?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "the start"} to {To?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "today"}");
        }

        return parts.Count == 0 ? "all events" : string.Join(", ", parts);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static DateOnly? ParseDate(string text) =>
        text.Length == DateFormat.Length
        && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
