using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>oidcc-refresh-token and RFC 9700 §4.14: refresh tokens rotate, are client-bound, and replay revokes the chain.</summary>
public class RefreshTokenTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    /// <summary>OpenIddict's default reuse leeway (for concurrent refreshes), plus a second.</summary>
    private static readonly TimeSpan BeyondReuseLeeway = TimeSpan.FromSeconds(31);

    private async Task<(TestClient Client, TokenResponse Tokens)> SignInAsync()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        return (client, await Journeys.SignInForTokensAsync(browser, client, user));
    }

    [Fact]
    public async Task RefreshRotatesTheRefreshToken()
    {
        var (client, tokens) = await SignInAsync();

        var refreshed = (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();

        Assert.False(string.IsNullOrEmpty(refreshed.RefreshToken));
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
    }

    [Fact]
    public async Task RefreshedIdTokenKeepsTheSubjectAndSessionFacts()
    {
        var (client, tokens) = await SignInAsync();
        var original = new JsonWebToken(tokens.IdToken!);

        var refreshed = (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        var idToken = await client.Tokens.ValidateSignedTokenAsync(refreshed.IdToken!, client.ClientId);

        // OIDC Core §12.2: same iss, sub, aud and auth_time as the original; a nonce, if any, is the original one.
        Assert.Equal(original.Subject, idToken.Subject);
        Assert.Equal(original.GetPayloadValue<long>("auth_time"), idToken.GetPayloadValue<long>("auth_time"));
        Assert.Equal(original.GetPayloadValue<string>("sid"), idToken.GetPayloadValue<string>("sid"));
        Assert.Equal(["pwd"], TokenValidator.ArrayClaim(idToken, "amr"));
        if (idToken.TryGetPayloadValue<string>("nonce", out var nonce))
        {
            Assert.Equal(original.GetPayloadValue<string>("nonce"), nonce);
        }
    }

    [Fact]
    public async Task ReplayOfARotatedRefreshTokenFailsAndRevokesTheWholeChain()
    {
        var (client, tokens) = await SignInAsync();
        var rotated = (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        factory.Clock.Advance(BeyondReuseLeeway);

        var replay = await client.RefreshAsync(tokens.RefreshToken!);
        var successor = await client.RefreshAsync(rotated.RefreshToken!);

        Assert.Equal("invalid_grant", replay.Error);
        Assert.Equal("invalid_grant", successor.Error);
        Assert.False((await client.IntrospectAsync(rotated.AccessToken!)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task GarbageRefreshTokenIsAnInvalidGrant()
    {
        var client = await factory.StandardClientAsync();

        var response = await client.RefreshAsync("not-a-refresh-token");

        Assert.Equal("invalid_grant", response.Error);
    }
}
