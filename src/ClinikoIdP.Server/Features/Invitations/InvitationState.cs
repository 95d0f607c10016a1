namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>An account still waiting for its owner to accept the invitation, as the console shows it.</summary>
/// <param name="SentAt">When the latest link was made; null when the account has no link at all.</param>
/// <param name="ExpiresAt">When that link stops working.</param>
/// <param name="Live">The latest link can still be used (not expired, revoked or used).</param>
/// <param name="Expired">The latest link ran out of time (rather than being replaced or withdrawn).</param>
/// <param name="Delivery">What became of the latest invitation email.</param>
public sealed record InvitationState(DateTimeOffset? SentAt, DateTimeOffset? ExpiresAt, bool Live, bool Expired, InvitationDelivery Delivery);
