using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Oidc;

/// <summary>Validates tokens as an independent library would: against the keys published at the JWKS endpoint.</summary>
public sealed class TokenValidator(HttpClient backChannel, TimeProvider clock)
{
    public const string Issuer = "https://localhost/";

    public async Task<JsonWebKeySet> GetJwksAsync()
    {
        var response = await backChannel.GetAsync("/.well-known/jwks");
        response.EnsureSuccessStatusCode();
        return new JsonWebKeySet(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Checks an id token's signature (RS256, JWKS), iss, aud, exp and nonce, and returns it.</summary>
    public async Task<JsonWebToken> ValidateIdTokenAsync(string idToken, string clientId, string? expectedNonce)
    {
        var token = await ValidateAsync(idToken, clientId, validTypes: null);
        if (expectedNonce is null)
        {
            Assert.False(token.TryGetPayloadValue<string>("nonce", out _), "The id token carries a nonce nobody sent.");
        }
        else
        {
            Assert.Equal(expectedNonce, token.GetPayloadValue<string>("nonce"));
        }

        return token;
    }

    /// <summary>Checks a token's signature (RS256, JWKS), iss, aud and exp, nothing else, and returns it.</summary>
    public Task<JsonWebToken> ValidateSignedTokenAsync(string token, string audience) => ValidateAsync(token, audience, validTypes: null);

    /// <summary>Checks an RFC 9068 access token (typ at+jwt, RS256, JWKS) issued for the given audience.</summary>
    public Task<JsonWebToken> ValidateAccessTokenAsync(string accessToken, string audience) =>
        ValidateAsync(accessToken, audience, validTypes: ["at+jwt"]);

    /// <summary>Validates without asserting, for tests that expect failure.</summary>
    public async Task<TokenValidationResult> TryValidateAsync(string token, string audience)
    {
        var jwks = await GetJwksAsync();
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(jwks, audience, validTypes: null));
    }

    /// <summary>The values of a claim that must be a JSON array (e.g. amr), failing if it is anything else.</summary>
    public static IReadOnlyList<string> ArrayClaim(JsonWebToken token, string name)
    {
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement;
        Assert.True(payload.TryGetProperty(name, out var value), $"The token has no '{name}' claim.");
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private async Task<JsonWebToken> ValidateAsync(string token, string audience, string[]? validTypes)
    {
        var jwks = await GetJwksAsync();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(jwks, audience, validTypes));
        Assert.True(result.IsValid, $"Token rejected: {result.Exception?.Message}");
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(SecurityAlgorithms.RsaSha256, jwt.Alg);
        return jwt;
    }

    private TokenValidationParameters Parameters(JsonWebKeySet jwks, string audience, string[]? validTypes) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        IssuerSigningKeys = jwks.GetSigningKeys(),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidTypes = validTypes,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = IsCurrent,
    };

    // The server runs on a fake clock; judge exp and nbf by that clock, not the machine's.
    private bool IsCurrent(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore.Value <= now) && expires is { } expiry && expiry > now;
    }
}
