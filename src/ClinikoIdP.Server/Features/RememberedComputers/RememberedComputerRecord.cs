namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// A browser a person asked to remember at the second-factor step, so the second factor is not asked again there
/// until it expires or is revoked. The browser holds a 256-bit random token in a cookie; only its SHA-256 hash is
/// stored here.
/// </summary>
public sealed class RememberedComputerRecord
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the cookie's token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The browser's name as read from its user agent when remembered (e.g. "Chrome").</summary>
    public string? Browser { get; set; }

    /// <summary>The operating system as read from the user agent (e.g. "Windows").</summary>
    public string? OperatingSystem { get; set; }

    public string? FirstIpAddress { get; set; }

    public string? LastIpAddress { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it was revoked: by the person, password changed, two-step verification reset, by an administrator.</summary>
    public string? RevokedReason { get; set; }
}
