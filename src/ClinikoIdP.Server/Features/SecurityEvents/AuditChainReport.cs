namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// The verdict on the whole trail: intact with <see cref="Count"/> events up to <see cref="HeadHash"/> at
/// <see cref="HeadSequence"/>, or broken at <see cref="Break"/> (the figures then describe the part that verified).
/// </summary>
public sealed record AuditChainReport(long Count, string HeadHash, long HeadSequence, AuditChainBreak? Break)
{
    public bool IsIntact => Break is null;

    /// <summary>Where an anchored head was found (its sequence), when one was given and the chain holds it.</summary>
    public long? AnchorSequence { get; init; }
}
