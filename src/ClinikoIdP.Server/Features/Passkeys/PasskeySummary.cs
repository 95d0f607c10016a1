namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>One passkey as the security page lists it.</summary>
/// <param name="Id">The credential id, base64url: how the page names it in forms.</param>
/// <param name="Synced">The passkey may be copied to the person's other devices (WebAuthn backup eligibility).</param>
public sealed record PasskeySummary(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Synced);
