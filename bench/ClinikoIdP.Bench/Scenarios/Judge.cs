using System.Globalization;
using ClinikoIdP.Bench.Reporting;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>Turns figures into rows with the issue's targets; a target with a missing figure is not judged.</summary>
public static class Judge
{
    public static Row Faster(string scenario, double? ours, double? peer, double? minimumRatio, string note) =>
        new(scenario, "req/s", ours, peer,
            minimumRatio is { } ratio ? $"≥ {ratio.ToString("0.#", CultureInfo.InvariantCulture)}× peer" : "",
            minimumRatio is { } minimum && ours is { } o && peer is { } p ? o >= minimum * p : null, note);

    public static Row Lower(string scenario, string unit, double? ours, double? peer, string target) =>
        new(scenario, unit, ours, peer, target, target.Length > 0 && ours is { } o && peer is { } p ? o <= p : null);

    public static Row Budget(string scenario, string unit, double ours, double peer, double limit) =>
        new(scenario, unit, ours, peer, $"≤ {limit.ToString(CultureInfo.InvariantCulture)} {unit}", ours <= limit);

    public static Row Ceiling(string scenario, double? ours, double ceiling, double minimumShare) =>
        new(scenario, "share", ours / ceiling, null, $"≥ {minimumShare.ToString(CultureInfo.InvariantCulture)}", ours is { } o ? o / ceiling >= minimumShare : null);
}
