using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>
/// Codes and refresh tokens, which only the server reads, are signed with a symmetric HS256 key (microseconds, not the
/// millisecond of an RSA signature) inside their encryption; everything another party verifies stays asymmetric, and
/// the symmetric key is never published.
/// </summary>
public class TokenSigningKeyTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task CodesAndRefreshTokensAreSignedWithHs256AndAccessAndIdentityTokensWithRs256()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var code = (await Journeys.SignInAsync(browser, request, user)).Code!;

        var tokens = (await client.RedeemCodeAsync(code, request.Pkce.Verifier)).EnsureSuccess();

        var storedCodes = await StoredCodesAsync();
        Assert.NotEmpty(storedCodes);
        Assert.All(storedCodes, stored => Assert.Equal(SecurityAlgorithms.HmacSha256, InnerSignatureAlgorithm(stored)));
        Assert.Equal(SecurityAlgorithms.HmacSha256, InnerSignatureAlgorithm(tokens.RefreshToken!));
        Assert.Equal(SecurityAlgorithms.RsaSha256, new JsonWebToken(tokens.AccessToken!).Alg);
        Assert.Equal(SecurityAlgorithms.RsaSha256, (await client.Tokens.ValidateSignedTokenAsync(tokens.IdToken!, client.ClientId)).Alg);
        var refreshed = (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        Assert.Equal(SecurityAlgorithms.HmacSha256, InnerSignatureAlgorithm(refreshed.RefreshToken!));
        Assert.Equal(SecurityAlgorithms.RsaSha256, new JsonWebToken(refreshed.AccessToken!).Alg);
    }

    [Fact]
    public async Task ClientCredentialsAccessTokensStayRs256()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        Assert.Equal(SecurityAlgorithms.RsaSha256, (await machine.Tokens.ValidateAccessTokenAsync(tokens.AccessToken!, Seed.ApiResource)).Alg);
    }

    [Fact]
    public async Task TheJwksPublishesNoSymmetricKey()
    {
        using var backChannel = factory.NewBackChannel();

        var jwks = await new TokenValidator(backChannel, factory.Clock).GetJwksAsync();

        Assert.NotEmpty(jwks.Keys);
        Assert.All(jwks.Keys, key => Assert.NotEqual("oct", key.Kty));
        Assert.All(jwks.Keys, key => Assert.True(string.IsNullOrEmpty(key.K), "The JWKS must not carry a symmetric key."));
    }

    // Codes are reference tokens: the client holds a random handle, the server stores the protected code.
    private Task<List<string>> StoredCodesAsync() => factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>()
        .Where(t => t.Type!.EndsWith("authorization_code") && t.Payload != null)
        .Select(t => t.Payload!)
        .ToListAsync());

    // The outer JWE header names only the key wrap (A256KW); the signature algorithm is inside the encryption.
    private string InnerSignatureAlgorithm(string protectedToken)
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var outer = new JsonWebToken(protectedToken);
        Assert.Equal(SecurityAlgorithms.Aes256KW, outer.Alg);
        var inner = new JsonWebTokenHandler().DecryptToken(outer, new TokenValidationParameters
        {
            TokenDecryptionKeys = [.. options.EncryptionCredentials.Select(credentials => credentials.Key)],
        });
        return new JsonWebToken(inner).Alg;
    }
}
