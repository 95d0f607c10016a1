namespace ClinikoIdP.Server.Features.SingleLogout;

/// <summary>
/// A logout notice waiting to reach a clinic app (OpenID Connect Back-Channel Logout 1.0). Kept in the database so
/// that the admin command line can queue one, any node can deliver it, and a down app is retried without ever
/// holding up the person signing out.
/// </summary>
public sealed class BackChannelLogoutMessage
{
    public long Id { get; set; }

    public required string ClientId { get; set; }

    public required string LogoutUri { get; set; }

    public required string Subject { get; set; }

    public string? SessionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while one node is delivering, so two nodes do not send the same notice at once.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? AbandonedAt { get; set; }

    public string? LastError { get; set; }
}
