namespace ClinikoIdP.Server.Features.AccountLinks;

/// <summary>
/// A single-use link emailed to a person (an invitation, a password reset). Only a SHA-256 hash of its 256-bit
/// random token is stored: the link itself exists only in the email.
/// </summary>
public sealed class AccountLinkRecord
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>See <see cref="AccountLinkPurposes"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The administrator who sent it (invitations), or null when the person asked for it.</summary>
    public string? CreatedBy { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Set when a newer link replaced this one, or the account changed so that it must not be used.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// A password reset whose new password waits for the second factor: the new password's hash (Identity's
    /// hasher), applied only once the second factor has passed. Never a password in plain text.
    /// </summary>
    public string? PendingPasswordHash { get; set; }
}
