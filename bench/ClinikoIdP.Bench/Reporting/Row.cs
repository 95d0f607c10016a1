namespace ClinikoIdP.Bench.Reporting;

/// <summary>One line of the results table. A figure that was not measured is null, never a guess.</summary>
public sealed record Row(string Scenario, string Unit, double? Ours, double? Peer, string Target, bool? Met, string Note = "")
{
    public double? Ratio => Ours is { } ours && Peer is { } peer && peer != 0 ? ours / peer : null;
}
