using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Consent;

/// <summary>Third-party apps (--third-party) ask the user before their first sign-in; the answer is remembered.</summary>
public class ConsentTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string Scope = "openid profile email";

    private async Task<(TestClient Client, AuthorizationRequest Request, ConsentPage Page)> SignInToThirdPartyAsync(
        Browser browser, TestUser user, TestClient? client = null)
    {
        client ??= await Seed.ClientAsync(factory, "--third-party", "--display-name", "Outside Booking App");
        var request = client.NewAuthorizationRequest(Scope);
        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var afterSignIn = await browser.FollowAsync(await signIn.SubmitAsync(user.Email, user.Password));
        return (client, request, await ConsentPage.ReadAsync(browser, afterSignIn));
    }

    [Fact]
    public async Task ConsentPageNamesTheAppAndListsTheRequestedScopes()
    {
        using var browser = factory.NewBrowser();

        var (_, _, page) = await SignInToThirdPartyAsync(browser, await factory.StandardUserAsync());

        Assert.Contains("Outside Booking App", page.Heading, StringComparison.Ordinal);
        Assert.Equal(3, page.ScopeDescriptions.Count);
        Assert.Contains(page.ScopeDescriptions, d => d.Contains("email", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(page.ScopeDescriptions, d => d.Contains("name", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DenyingConsentRedirectsWithAccessDenied()
    {
        using var browser = factory.NewBrowser();
        var (client, request, page) = await SignInToThirdPartyAsync(browser, await factory.StandardUserAsync());

        var response = AuthorizationResponse.FromRedirect(await page.DenyAsync());

        Assert.Equal(client.RedirectUri, response.RedirectedTo);
        Assert.Equal("access_denied", response.Error);
        Assert.Equal(request.State, response.State);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task AllowingConsentIssuesACode()
    {
        using var browser = factory.NewBrowser();
        var (client, request, page) = await SignInToThirdPartyAsync(browser, await factory.StandardUserAsync());

        var response = AuthorizationResponse.FromRedirect(await page.AllowAsync());

        Assert.Equal(request.State, response.State);
        var tokens = (await client.RedeemCodeAsync(response.Code!, request.Pkce.Verifier)).EnsureSuccess();
        await client.Tokens.ValidateIdTokenAsync(tokens.IdToken!, client.ClientId, request.Nonce);
    }

    [Fact]
    public async Task ConsentGivenOnceIsNotAskedForAgain()
    {
        var user = await Seed.UserAsync(factory);
        using var firstBrowser = factory.NewBrowser();
        var (client, _, page) = await SignInToThirdPartyAsync(firstBrowser, user);
        AuthorizationResponse.FromRedirect(await page.AllowAsync());

        using var secondBrowser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest(Scope);
        var response = await Journeys.SignInAsync(secondBrowser, request, user);

        Assert.NotNull(response.Code);
        Assert.Equal(request.State, response.State);
    }

    [Fact]
    public async Task DeniedConsentIsAskedForAgainNextTime()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var (client, _, page) = await SignInToThirdPartyAsync(browser, user);
        await page.DenyAsync();

        var again = await ConsentPage.ReadAsync(browser, await browser.NavigateAsync(client.NewAuthorizationRequest(Scope).Url));

        Assert.NotEmpty(again.ScopeDescriptions);
    }

    [Fact]
    public async Task PromptNoneWithoutConsentAnswersConsentRequired()
    {
        using var browser = factory.NewBrowser();
        await Journeys.SignInForTokensAsync(browser, await factory.StandardClientAsync(), await factory.StandardUserAsync());
        var thirdParty = await Seed.ClientAsync(factory, "--third-party");

        var response = await Journeys.AuthorizeAsync(browser, thirdParty.NewAuthorizationRequest(Scope).With("prompt", "none"));

        Assert.Equal("consent_required", response.Error);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task AllowWithoutTheAntiforgeryTokenIsRejected()
    {
        using var browser = factory.NewBrowser();
        var (client, request, _) = await SignInToThirdPartyAsync(browser, await factory.StandardUserAsync());

        var response = await browser.PostFormAsync(AuthorizationRequest.Path + "?handler=Accept", request.Form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(Browser.IsRedirect(response), $"Redirected to {response.Headers.Location} for {client.ClientId}.");
    }

    [Fact]
    public async Task FirstPartyAppsNeverShowAConsentPage()
    {
        using var browser = factory.NewBrowser();
        var client = await factory.StandardClientAsync();

        var response = await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(Scope), await factory.StandardUserAsync());

        Assert.NotNull(response.Code);
    }
}
