namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>Actor ids that are not accounts.</summary>
public static class SecurityEventActors
{
    /// <summary>A change made with the admin command line (whoever can run it on the server).</summary>
    public const string CommandLine = "cli";
}
