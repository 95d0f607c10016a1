using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// <c>IdP:AccessTokenAlgorithm</c>: RS256 (the default) or ES256 for access tokens. Identity tokens stay RS256 whatever
/// this says: it is the algorithm every OpenID client must accept (OIDC Core §3.1.3.7, <c>id_token_signed_response_alg</c>).
/// An ES256 signature costs about a twentieth of an RS256 one (DOTNET-NOTES measured costs).
/// </summary>
public sealed class AccessTokenSigningOptions
{
    public string AccessTokenAlgorithm { get; set; } = SecurityAlgorithms.RsaSha256;

    public bool UsesEcdsa => AccessTokenAlgorithm == SecurityAlgorithms.EcdsaSha256;

    public bool IsSupported => AccessTokenAlgorithm is SecurityAlgorithms.RsaSha256 or SecurityAlgorithms.EcdsaSha256;
}
