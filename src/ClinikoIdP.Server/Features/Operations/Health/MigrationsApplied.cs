namespace ClinikoIdP.Server.Features.Operations.Health;

/// <summary>
/// Remembers that this node found no pending migration: migrations never un-apply, so later probes skip the
/// history-table read and cost one round trip.
/// </summary>
public sealed class MigrationsApplied
{
    private volatile bool confirmed;

    public bool Confirmed => confirmed;

    public void Confirm() => confirmed = true;
}
