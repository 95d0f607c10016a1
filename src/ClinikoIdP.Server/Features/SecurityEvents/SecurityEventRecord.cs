namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>One row of the audit trail: who did what, when, from where, and how it ended.</summary>
public sealed class SecurityEventRecord
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string Kind { get; set; }

    public required string Outcome { get; set; }

    public string? UserId { get; set; }

    public string? Email { get; set; }

    /// <summary>The administrator who acted, when the event is an administrative action.</summary>
    public string? ActorId { get; set; }

    public string? ClientId { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public string? Detail { get; set; }

    /// <summary>Position in the tamper-evident chain: one more than the event before it (unique, so appends never fork).</summary>
    public long? Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the event before this one in the chain (empty for the first).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 over this event's fields and <see cref="PreviousHash"/>, in hex: editing or deleting a row breaks the chain.</summary>
    public string? Hash { get; set; }
}
