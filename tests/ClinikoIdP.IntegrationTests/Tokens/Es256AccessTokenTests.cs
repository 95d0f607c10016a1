using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>IdP:AccessTokenAlgorithm=ES256: access tokens are ES256, identity tokens stay RS256, the JWKS publishes both.</summary>
public class Es256AccessTokenTests(Es256AccessTokenTests.Es256IdpFactory factory) : IClassFixture<Es256AccessTokenTests.Es256IdpFactory>
{
    public sealed class Es256IdpFactory() : IdpFactory(
        TwoFactorEnforcement.WhenRequested, new Dictionary<string, string?> { ["IdP:AccessTokenAlgorithm"] = "ES256" });

    [Fact]
    public async Task ClientCredentialsAccessTokenIsEs256AndValidatesAgainstTheJwks()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        var accessToken = await ValidateEs256AccessTokenAsync(machine, tokens.AccessToken!, Seed.ApiResource);
        Assert.Equal(machine.ClientId, accessToken.Subject);
    }

    [Fact]
    public async Task SignInGivesAnEs256AccessTokenAndAnRs256IdToken()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();

        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);

        await ValidateEs256AccessTokenAsync(client, tokens.AccessToken!);
        var idToken = await client.Tokens.ValidateSignedTokenAsync(tokens.IdToken!, client.ClientId);
        Assert.Equal(SecurityAlgorithms.RsaSha256, idToken.Alg);
        var refreshed = (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        await ValidateEs256AccessTokenAsync(client, refreshed.AccessToken!);
    }

    [Fact]
    public async Task JwksPublishesTheRsaAndTheEcKey()
    {
        using var backChannel = factory.NewBackChannel();
        var jwks = await new TokenValidator(backChannel, factory.Clock).GetJwksAsync();

        Assert.Contains(jwks.Keys, k => k.Kty == "RSA" && k.Alg == SecurityAlgorithms.RsaSha256);
        var ec = Assert.Single(jwks.Keys, k => k.Kty == "EC");
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, ec.Alg);
        Assert.Equal("P-256", ec.Crv);
        Assert.True(string.IsNullOrEmpty(ec.D), "The JWKS must not publish the private key.");
    }

    [Fact]
    public async Task RotationReplacesBothActiveSigningKeys()
    {
        var before = await ActiveSigningKeysAsync();

        await factory.AdminOkAsync("keys", "rotate");
        var after = await ActiveSigningKeysAsync();

        Assert.Equal([SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256], before.Select(k => k.Algorithm).Order(StringComparer.Ordinal));
        Assert.Equal([SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256], after.Select(k => k.Algorithm).Order(StringComparer.Ordinal));
        Assert.Empty(before.Select(k => k.Id).Intersect(after.Select(k => k.Id)));
    }

    private Task<List<Server.Keys.SigningKeyRecord>> ActiveSigningKeysAsync() =>
        factory.QueryAsync(db => db.SigningKeys.AsNoTracking()
            .Where(k => k.Use == Server.Keys.SigningKeyRecord.SigningUse && k.RetiredAt == null).ToListAsync());

    private static async Task<JsonWebToken> ValidateEs256AccessTokenAsync(TestClient client, string accessToken, string? audience = null)
    {
        var jwks = await client.Tokens.GetJwksAsync();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = TokenValidator.Issuer,
            ValidAudience = audience,
            ValidateAudience = audience is not null,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["at+jwt"],
            RequireSignedTokens = true,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, $"Access token rejected: {result.Exception?.Message}");
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, token.Alg);
        return token;
    }
}
