namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// A client assertion (<c>private_key_jwt</c>) that has been accepted, by its client and <c>jti</c>, kept until it
/// expires: OIDC Core §9 says an assertion "MUST only be used once". Stored in the shared database so that every node
/// refuses a replay, not only the one that saw the first use.
/// </summary>
public sealed class ClientAssertionUseRecord
{
    public const int MaxJtiLength = 256;

    public required string ClientId { get; set; }

    public required string Jti { get; set; }

    /// <summary>When the assertion expires (with the clock skew allowed); after that its row can go.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
