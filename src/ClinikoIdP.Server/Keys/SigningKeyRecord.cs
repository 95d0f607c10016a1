namespace ClinikoIdP.Server.Keys;

/// <summary>
/// A key of the token server, stored encrypted with Data Protection. <see cref="SigningUse"/> keys (RS256, ES256) sign
/// what others verify against the JWKS: identity, access and logout tokens. <see cref="EncryptionUse"/> keys protect
/// what only this server reads, codes and refresh tokens: A256KW encrypts them and HS256 signs them, and the two rotate
/// together.
/// A key is active until it is retired by a rotation; a retired key stays published until <see cref="ExpiresAt"/>
/// so that tokens it signed can still be verified.
/// </summary>
public sealed class SigningKeyRecord
{
    public const string SigningUse = "sig";
    public const string EncryptionUse = "enc";

    public required string Id { get; set; }

    public required string Use { get; set; }

    public required string Algorithm { get; set; }

    public required string ProtectedMaterial { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public bool IsActive => RetiredAt is null;

    public bool IsPublishedAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
