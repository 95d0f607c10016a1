namespace ClinikoIdP.Server.Features.Session;

/// <summary>
/// The server's record of one browser session (keyed by its <c>sid</c>), so that a user's sessions can be listed and
/// ended one by one: a session whose record is ended is refused even while its cookie is still valid.
/// </summary>
public sealed class UserSessionRecord
{
    /// <summary>The session identifier (<c>sid</c>) shared with clinic apps.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>How the session authenticated (RFC 8176 values, space-separated).</summary>
    public string? Methods { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: signed out, revoked by an administrator, password changed, and so on.</summary>
    public string? EndReason { get; set; }
}
