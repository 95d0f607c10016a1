namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// One started WebAuthn ceremony: Identity's state (the challenge and, for a known person, their id), who it is for
/// and when it began. Kept only in an encrypted, HTTP-only cookie that is deleted at the first answer.
/// </summary>
public sealed record PasskeyCeremonyTicket(PasskeyCeremonyPurpose Purpose, string? UserId, string State, DateTimeOffset StartedAt);
