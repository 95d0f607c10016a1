using System.Net;
using System.Security.Cryptography;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>OpenID Connect RP-Initiated Logout: redirect back only to a registered URI, and the session really ends.</summary>
public class EndSessionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string Path = "/connect/endsession";

    private static string EndSessionUrl(params (string Name, string Value)[] parameters) =>
        QueryHelpers.AddQueryString(Path, parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    private async Task<(TestClient Client, TokenResponse Tokens)> SignInAsync(Browser browser)
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        return (client, await Journeys.SignInForTokensAsync(browser, client, user));
    }

    private static async Task AssertSignedOutAsync(Browser browser, TestClient client)
    {
        var silent = await Journeys.AuthorizeAsync(browser, client.NewAuthorizationRequest().With("prompt", "none"));
        Assert.Equal("login_required", silent.Error);
        Assert.Null(silent.Code);
    }

    private static void AssertNoRedirectTo(HttpResponseMessage response, string uri)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.False(location.StartsWith(uri, StringComparison.Ordinal), $"Redirected to {location}.");
    }

    [Fact]
    public async Task RedirectsToTheRegisteredPostLogoutUriWithState()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);

        var response = await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "bye-123")));

        Assert.True(Browser.IsRedirect(response), $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = Browser.LocationOf(response);
        Assert.Equal(client.PostLogoutRedirectUri, location.GetLeftPart(UriPartial.Path));
        Assert.Equal("bye-123", QueryHelpers.ParseQuery(location.Query)["state"].ToString());
    }

    [Fact]
    public async Task PromptNoneAfterLogoutAnswersLoginRequired()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);

        await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s")));

        await AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task LogoutRevokesTheRefreshTokensTheSessionHandedOut()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);

        await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", client.PostLogoutRedirectUri)));

        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task WithoutParametersShowsTheSignedOutPageAndEndsTheSession()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await SignInAsync(browser);

        var page = await browser.NavigateAsync(Path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/signed-out", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("signed out", (await Browser.ParseAsync(page)).QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        await AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task DoesNotRedirectToAnUnregisteredPostLogoutUri()
    {
        using var browser = factory.NewBrowser();
        var (_, tokens) = await SignInAsync(browser);
        const string Foreign = "https://evil.example/after-logout";

        var response = await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", Foreign), ("state", "s")));

        AssertNoRedirectTo(response, Foreign);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DoesNotRedirectToARegisteredPostLogoutUriWithAnAddedQuery()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);
        var altered = client.PostLogoutRedirectUri + "?next=https://evil.example/";

        var response = await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", altered)));

        AssertNoRedirectTo(response, client.PostLogoutRedirectUri);
    }

    [Fact]
    public async Task DoesNotRedirectBackWithoutAnIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await SignInAsync(browser);

        var response = await browser.GetAsync(EndSessionUrl(("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s")));

        AssertNoRedirectTo(response, client.PostLogoutRedirectUri);
        Assert.Equal(HttpStatusCode.OK, (await browser.FollowAsync(response)).StatusCode);
        await AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task DoesNotRedirectBackWithAnUnsignedIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);
        var parts = tokens.IdToken!.Split('.');
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";

        var response = await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", unsigned), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s")));

        AssertNoRedirectTo(response, client.PostLogoutRedirectUri);
        Assert.True((int)response.StatusCode < 500, $"Got {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task DoesNotRedirectBackWithAForeignSignedIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);
        var original = new JsonWebToken(tokens.IdToken!);
        using var foreignKey = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(
            Base64UrlEncoder.Decode(original.EncodedPayload),
            new SigningCredentials(new RsaSecurityKey(foreignKey) { KeyId = original.Kid }, SecurityAlgorithms.RsaSha256));

        var response = await browser.GetAsync(EndSessionUrl(
            ("id_token_hint", forged), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s")));

        AssertNoRedirectTo(response, client.PostLogoutRedirectUri);
        Assert.True((int)response.StatusCode < 500, $"Got {(int)response.StatusCode}.");
    }
}
