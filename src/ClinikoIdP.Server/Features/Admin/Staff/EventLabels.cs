using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Security events in words, and the badge each outcome wears.</summary>
public static class EventLabels
{
    public static string Kind(string kind)
    {
        var words = kind.Replace('_', ' ').Replace("2fa", "2FA", StringComparison.Ordinal);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string OutcomeBadge(string outcome) => outcome switch
    {
        SecurityEventOutcomes.Succeeded => "ok",
        SecurityEventOutcomes.Replayed => "warn",
        _ => "danger",
    };
}
