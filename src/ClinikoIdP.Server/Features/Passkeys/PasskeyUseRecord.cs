namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// When a passkey was last used. Identity keeps the passkey itself (table <c>AspNetUserPasskeys</c>) but not this,
/// and the security page lists it so a person can spot a passkey they no longer use.
/// </summary>
public sealed class PasskeyUseRecord
{
    /// <summary>The passkey's credential id, as Identity stores it.</summary>
    public required byte[] CredentialId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }
}
