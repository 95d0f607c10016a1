namespace ClinikoIdP.Server.Features.SecurityEvents;

public static class SecurityEventOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Replayed = "replayed";
    public const string LockedOut = "locked_out";
}
