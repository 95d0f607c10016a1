namespace ClinikoIdP.Server.Features.Operations;

/// <summary>The addresses load balancers, orchestrators and scrapers call (a contract with the operations team).</summary>
public static class OperationsPaths
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    public const string Metrics = "/metrics";

    public static bool IsProbeOrScrape(PathString path) =>
        path.Equals(Live, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Ready, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Metrics, StringComparison.OrdinalIgnoreCase);
}
