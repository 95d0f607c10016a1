using ClinikoIdP.Server.Data;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>An invitation queued: for whom, whether it replaced an earlier one, and when its link stops working.</summary>
public sealed record InvitationResult(ClinicUser User, bool Resent, DateTimeOffset ExpiresAt);
