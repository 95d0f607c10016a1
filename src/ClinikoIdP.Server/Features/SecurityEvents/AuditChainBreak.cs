namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>The first place the chain stops verifying. <see cref="Sequence"/> is null for a row outside the chain.</summary>
public sealed record AuditChainBreak(long? Sequence, long? EventId, AuditChainProblem Problem, string Description)
{
    /// <summary>"event #12 (id 40)", "event id 40" or "its head", as the console and the command line name the place.</summary>
    public string Where => (Sequence, EventId) switch
    {
        ({ } sequence, { } id) => $"event #{sequence} (id {id})",
        (null, { } id) => $"event id {id}",
        _ => "its head",
    };
}
