using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>The authorization code flow with PKCE through the real sign-in page, beyond the oidcc-* modules in Conformance/.</summary>
public class AuthorizationCodeFlowTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string ApiScopes = TestClient.DefaultScope + " " + Seed.ApiScope;

    [Fact]
    public async Task IssuesIdAccessAndRefreshTokensWithOfflineAccess()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();

        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);

        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.Equal("Bearer", tokens.Json.GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task IssuesNoRefreshTokenWithoutOfflineAccess()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();

        var tokens = await Journeys.SignInForTokensAsync(browser, client, user, "openid profile");

        Assert.NotNull(tokens.IdToken);
        Assert.Null(tokens.RefreshToken);
    }

    [Fact]
    public async Task IdTokenIsSignedForTheClientAndCarriesTheSessionFacts()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var signedInAt = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        var code = (await Journeys.SignInAsync(browser, request, user)).Code!;

        var tokens = (await client.RedeemCodeAsync(code, request.Pkce.Verifier)).EnsureSuccess();
        var idToken = await client.Tokens.ValidateIdTokenAsync(tokens.IdToken!, client.ClientId, request.Nonce);

        Assert.False(string.IsNullOrEmpty(idToken.Subject));
        Assert.Equal(signedInAt, idToken.GetPayloadValue<long>("auth_time"));
        Assert.False(string.IsNullOrEmpty(idToken.GetPayloadValue<string>("sid")));
        Assert.Equal(["pwd"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal(user.Email, idToken.GetPayloadValue<string>("email"));
        Assert.Equal(user.Name, idToken.GetPayloadValue<string>("name"));
    }

    [Fact]
    public async Task IdTokenCarriesEmailAndNameOnlyForTheirScopes()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        using var otherBrowser = factory.NewBrowser();
        var openIdOnly = await Journeys.SignInForTokensAsync(browser, client, user, "openid");
        var withEmail = await Journeys.SignInForTokensAsync(otherBrowser, client, user, "openid email");

        var bare = new JsonWebToken(openIdOnly.IdToken!);
        var emailed = new JsonWebToken(withEmail.IdToken!);

        Assert.False(bare.TryGetPayloadValue<string>("email", out _));
        Assert.False(bare.TryGetPayloadValue<string>("name", out _));
        Assert.Equal(user.Email, emailed.GetPayloadValue<string>("email"));
        Assert.False(emailed.TryGetPayloadValue<string>("name", out _));
        Assert.Equal(bare.Subject, emailed.Subject);
    }

    [Fact]
    public async Task AccessTokenIsAnUnencryptedRs256JwtForTheRequestedApi()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();

        var tokens = await Journeys.SignInForTokensAsync(browser, client, user, ApiScopes);

        Assert.Equal(3, tokens.AccessToken!.Split('.').Length);
        var header = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("at+jwt", header.Typ);
        Assert.Equal("RS256", header.Alg);
        var accessToken = await client.Tokens.ValidateAccessTokenAsync(tokens.AccessToken, Seed.ApiResource);
        Assert.Equal([Seed.ApiResource], accessToken.Audiences);
        Assert.Equal(client.ClientId, accessToken.GetPayloadValue<string>("client_id"));
        Assert.Contains(Seed.ApiScope, accessToken.GetPayloadValue<string>("scope").Split(' '));
    }

    [Fact]
    public async Task SecondClinicAppIsSignedInWithoutAnyPrompt()
    {
        var (user, first) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        var second = await Seed.ClientAsync(factory);
        using var browser = factory.NewBrowser();
        var firstTokens = await Journeys.SignInForTokensAsync(browser, first, user);

        var request = second.NewAuthorizationRequest();
        var response = await Journeys.AuthorizeAsync(browser, request);
        var secondTokens = (await second.RedeemCodeAsync(response.Code!, request.Pkce.Verifier)).EnsureSuccess();

        Assert.Equal(second.RedirectUri, response.RedirectedTo);
        var firstId = new JsonWebToken(firstTokens.IdToken!);
        var secondId = await second.Tokens.ValidateIdTokenAsync(secondTokens.IdToken!, second.ClientId, request.Nonce);
        Assert.Equal(firstId.Subject, secondId.Subject);
        Assert.Equal(firstId.GetPayloadValue<string>("sid"), secondId.GetPayloadValue<string>("sid"));
    }
}
