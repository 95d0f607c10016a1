using System.Net;
using System.Security.Cryptography;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-rp-initiated-logout-certification-test-plan: the browser goes back to the app only to a registered
/// post_logout_redirect_uri, matched exactly, with a valid id_token_hint; otherwise the user sees the signed-out page.
/// A request whose hint belongs to the signed-in user's session ends it at once; any other first asks the user
/// (RP-Initiated Logout 1.0 §2; the suite accepts a confirmation page and answers it), and the session lives on until
/// they answer "Sign out". Either way the session ends (a following prompt=none gets login_required).
/// </summary>
public class RpInitiatedLogoutPlan(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(TestClient Client, string IdToken)> SignInAsync(Browser browser)
    {
        var (suite, user) = (new SuiteClient(factory, await factory.StandardClientAsync()), await factory.StandardUserAsync());
        var flow = await suite.SignInAsync(browser, suite.NewRequest(), user);
        return (suite.Client, flow.Tokens.IdToken!);
    }

    [Fact]
    public async Task OidccRpInitiatedLogout()
    {
        var configuration = await DiscoveryDocument.ReadAsync(factory);
        Assert.Equal("https://localhost" + EndSession.Path, configuration.GetProperty("end_session_endpoint").GetString());
        using var browser = factory.NewBrowser();
        var (client, idToken) = await SignInAsync(browser);

        var response = await browser.GetAsync(EndSession.Url(
            ("id_token_hint", idToken), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "bye-123")));

        AssertRedirectedBack(response, client, expectedState: "bye-123");
        await EndSession.AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutNoState()
    {
        using var browser = factory.NewBrowser();
        var (client, idToken) = await SignInAsync(browser);

        var response = await browser.GetAsync(EndSession.Url(("id_token_hint", idToken), ("post_logout_redirect_uri", client.PostLogoutRedirectUri)));

        AssertRedirectedBack(response, client, expectedState: null);
        await EndSession.AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutBadPostLogoutRedirectUri()
    {
        using var browser = factory.NewBrowser();
        var (_, idToken) = await SignInAsync(browser);
        const string Unregistered = "https://evil.example/after-logout";

        var response = await browser.GetAsync(EndSession.Url(
            ("id_token_hint", idToken), ("post_logout_redirect_uri", Unregistered), ("state", "s")));

        EndSession.AssertNoRedirectTo(response, Unregistered);
        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutQueryAddedToPostLogoutRedirectUri()
    {
        using var browser = factory.NewBrowser();
        var (client, idToken) = await SignInAsync(browser);

        var response = await browser.GetAsync(EndSession.Url(
            ("id_token_hint", idToken), ("post_logout_redirect_uri", client.PostLogoutRedirectUri + "?foo=bar"), ("state", "s")));

        EndSession.AssertNoRedirectTo(response, client.PostLogoutRedirectUri);
        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
    }

    /// <summary>The hint's payload re-sent as an unsigned (alg none) token.</summary>
    [Fact]
    public async Task OidccRpInitiatedLogoutModifiedIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (client, idToken) = await SignInAsync(browser);
        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{idToken.Split('.')[1]}.";

        await AssertAskedThenSignedOutWithoutRedirectAsync(browser, client,
            ("id_token_hint", unsigned), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s"));
    }

    /// <summary>The hint's payload signed with a key that is not the server's (under the server's kid).</summary>
    [Fact]
    public async Task OidccRpInitiatedLogoutForeignSignedIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (client, idToken) = await SignInAsync(browser);
        var original = new JsonWebToken(idToken);
        using var foreignKey = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(Base64UrlEncoder.Decode(original.EncodedPayload),
            new SigningCredentials(new RsaSecurityKey(foreignKey) { KeyId = original.Kid }, SecurityAlgorithms.RsaSha256));

        await AssertAskedThenSignedOutWithoutRedirectAsync(browser, client,
            ("id_token_hint", forged), ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s"));
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutNoIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await SignInAsync(browser);

        await AssertAskedThenSignedOutWithoutRedirectAsync(browser, client, ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "s"));
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutNoPostLogoutRedirectUri()
    {
        using var browser = factory.NewBrowser();
        var (client, idToken) = await SignInAsync(browser);

        await AssertSignedOutWithoutRedirectAsync(browser, client, ("id_token_hint", idToken));
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutNoParams()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await SignInAsync(browser);

        await AssertAskedThenSignedOutWithoutRedirectAsync(browser, client);
    }

    [Fact]
    public async Task OidccRpInitiatedLogoutOnlyState()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await SignInAsync(browser);

        await AssertAskedThenSignedOutWithoutRedirectAsync(browser, client, ("state", "only-state"));
    }

    private static void AssertRedirectedBack(HttpResponseMessage response, TestClient client, string? expectedState)
    {
        Assert.True(Browser.IsRedirect(response), $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = Browser.LocationOf(response);
        Assert.Equal(client.PostLogoutRedirectUri, location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(expectedState, query.TryGetValue("state", out var state) ? state.ToString() : null);
    }

    /// <summary>The user lands on the signed-out page of the identity provider, never back at the app, and is signed out.</summary>
    private static async Task AssertSignedOutWithoutRedirectAsync(Browser browser, TestClient client, params (string Name, string Value)[] parameters) =>
        await AssertLandedSignedOutAsync(browser, client, await browser.GetAsync(EndSession.Url(parameters)));

    /// <summary>
    /// The user is asked first, with the request's parameters carried in the form for OpenIddict to check again, and is
    /// still signed in; answering "Sign out" ends the session on the signed-out page, never back at the app.
    /// </summary>
    private static async Task AssertAskedThenSignedOutWithoutRedirectAsync(Browser browser, TestClient client, params (string Name, string Value)[] parameters)
    {
        var question = await EndSession.ReadQuestionAsync(await browser.GetAsync(EndSession.Url(parameters)));
        var form = EndSession.SignOutForm(question);
        Assert.All(parameters, parameter => Assert.Equal(parameter.Value, form[parameter.Name]));
        await EndSession.AssertStillSignedInAsync(browser, client);

        await AssertLandedSignedOutAsync(browser, client, await form.SubmitAsync(browser));
    }

    private static async Task AssertLandedSignedOutAsync(Browser browser, TestClient client, HttpResponseMessage response)
    {
        EndSession.AssertNoRedirectTo(response, client.PostLogoutRedirectUri);

        var page = await browser.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SignInRoutes.SignedOut, page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("signed out", (await Browser.ParseAsync(page)).QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        await EndSession.AssertSignedOutAsync(browser, client);
    }
}
