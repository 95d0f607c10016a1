namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>What kind of damage the audit chain shows at its first break.</summary>
public enum AuditChainProblem
{
    /// <summary>The event's fields no longer give its stored hash.</summary>
    Edited,

    /// <summary>Sequence numbers are missing before this event.</summary>
    Deleted,

    /// <summary>The event does not link to the one before it, or is not in the chain at all.</summary>
    Inserted,

    /// <summary>The event was stored before the one it follows in the chain.</summary>
    Reordered,

    /// <summary>A head hash noted earlier (an anchor) is no longer in the chain.</summary>
    AnchorMissing,
}
