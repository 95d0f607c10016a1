using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>An id token whose signature, issuer, audience and nonce were checked against the server's published keys.</summary>
public sealed class IdToken
{
    private readonly JsonWebToken token;

    private IdToken(JsonWebToken token) => this.token = token;

    /// <summary>The RFC 8176 authentication method references, in order.</summary>
    public IReadOnlyList<string> Amr => [.. token.Claims.Where(c => c.Type == "amr").Select(c => c.Value)];

    public string Email => token.GetClaim("email").Value;

    /// <summary>The authentication context class reference ("phr" after a passkey), or null.</summary>
    public string? Acr => token.TryGetClaim("acr", out var acr) ? acr.Value : null;

    public static async Task<IdToken> ValidateAsync(HttpClient http, string idToken, Uri issuer, string clientId, string nonce)
    {
        var keys = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = issuer.ToString(),
            ValidAudience = clientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
        Assert.True(result.IsValid, $"The id token did not validate: {result.Exception?.Message}");
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(nonce, token.GetClaim("nonce").Value);
        return new IdToken(token);
    }
}
