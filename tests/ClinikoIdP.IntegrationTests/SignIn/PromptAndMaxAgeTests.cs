using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.SignIn;

/// <summary>oidcc-prompt-none-*, oidcc-prompt-login, oidcc-max-age-*, oidcc-id-token-hint: when a session is enough.</summary>
public class PromptAndMaxAgeTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(TestUser User, TestClient Client, JsonWebToken IdToken)> SignInAsync(Browser browser)
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);
        return (user, client, new JsonWebToken(tokens.IdToken!));
    }

    private static async Task<JsonWebToken> RedeemIdTokenAsync(TestClient client, AuthorizationRequest request, AuthorizationResponse response)
    {
        Assert.False(string.IsNullOrEmpty(response.Code), $"No code: {response.Location}");
        var tokens = (await client.RedeemCodeAsync(response.Code, request.Pkce.Verifier)).EnsureSuccess();
        return await client.Tokens.ValidateIdTokenAsync(tokens.IdToken!, client.ClientId, request.Nonce);
    }

    [Fact]
    public async Task PromptNoneWithoutASessionRedirectsWithLoginRequired()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest().With("prompt", "none");

        var response = await Journeys.AuthorizeAsync(browser, request);

        Assert.Equal(client.RedirectUri, response.RedirectedTo);
        Assert.Equal("login_required", response.Error);
        Assert.Equal(request.State, response.State);
        Assert.Equal("https://localhost/", response.Issuer);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task PromptNoneWithASessionSucceedsSilentlyForTheSameUser()
    {
        using var browser = factory.NewBrowser();
        var (_, client, first) = await SignInAsync(browser);
        var request = client.NewAuthorizationRequest().With("prompt", "none");

        var idToken = await RedeemIdTokenAsync(client, request, await Journeys.AuthorizeAsync(browser, request));

        Assert.Equal(first.Subject, idToken.Subject);
    }

    [Fact]
    public async Task PromptNoneWithTheSessionsIdTokenHintSucceedsSilently()
    {
        using var browser = factory.NewBrowser();
        var (_, client, first) = await SignInAsync(browser);
        var request = client.NewAuthorizationRequest().With("prompt", "none").With("id_token_hint", first.EncodedToken);

        var idToken = await RedeemIdTokenAsync(client, request, await Journeys.AuthorizeAsync(browser, request));

        Assert.Equal(first.Subject, idToken.Subject);
    }

    [Fact]
    public async Task PromptLoginShowsTheSignInPageAgainAndMovesAuthTimeForward()
    {
        using var browser = factory.NewBrowser();
        var (user, client, first) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var request = client.NewAuthorizationRequest().With("prompt", "login");

        var page = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var submitted = await page.SubmitAsync(user.Email, user.Password);
        var idToken = await RedeemIdTokenAsync(client, request, AuthorizationResponse.FromRedirect(await browser.FollowAsync(submitted)));

        Assert.Equal(first.Subject, idToken.Subject);
        Assert.True(idToken.GetPayloadValue<long>("auth_time") >= first.GetPayloadValue<long>("auth_time") + 5);
    }

    [Fact]
    public async Task MaxAgeExceededForcesAFreshSignIn()
    {
        using var browser = factory.NewBrowser();
        var (user, client, first) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var request = client.NewAuthorizationRequest().With("max_age", "1");

        var page = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var submitted = await page.SubmitAsync(user.Email, user.Password);
        var idToken = await RedeemIdTokenAsync(client, request, AuthorizationResponse.FromRedirect(await browser.FollowAsync(submitted)));

        Assert.True(idToken.GetPayloadValue<long>("auth_time") > first.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task GenerousMaxAgeIsSatisfiedByTheSessionAndReportsAuthTime()
    {
        using var browser = factory.NewBrowser();
        var (_, client, first) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var request = client.NewAuthorizationRequest().With("max_age", "10000");

        var idToken = await RedeemIdTokenAsync(client, request, await Journeys.AuthorizeAsync(browser, request));

        Assert.Equal(first.GetPayloadValue<long>("auth_time"), idToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task PromptNoneWithMaxAgeExceededDoesNotShowAPage()
    {
        using var browser = factory.NewBrowser();
        var (_, client, _) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var request = client.NewAuthorizationRequest().With("prompt", "none").With("max_age", "1");

        var response = await browser.GetAsync(request.Url);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("login_required", AuthorizationResponse.FromRedirect(response).Error);
    }
}
