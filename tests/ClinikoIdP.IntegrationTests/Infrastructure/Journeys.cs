using System.Net;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>User journeys composed from the browser, the page objects and the test client.</summary>
public static class Journeys
{
    /// <summary>Opens the authorization URL, signs in on the sign-in page and returns the redirect back to the app.</summary>
    public static async Task<AuthorizationResponse> SignInAsync(Browser browser, AuthorizationRequest request, TestUser user)
    {
        var page = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var submitted = await page.SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        return AuthorizationResponse.FromRedirect(await browser.FollowAsync(submitted));
    }

    /// <summary>Opens the authorization URL in a browser that already has a session: straight back to the app.</summary>
    public static async Task<AuthorizationResponse> AuthorizeAsync(Browser browser, AuthorizationRequest request) =>
        AuthorizationResponse.FromRedirect(await browser.NavigateAsync(request.Url));

    /// <summary>The factory's standard user signs in to its standard client in <paramref name="browser"/>: that client and its tokens.</summary>
    public static async Task<(TestClient Client, TokenResponse Tokens)> SignInStandardUserForTokensAsync(IdpFactory factory, Browser browser)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        return (client, await SignInForTokensAsync(browser, client, user));
    }

    /// <summary>Signs in and redeems the code: the tokens a clinic app gets from a fresh sign-in.</summary>
    public static async Task<TokenResponse> SignInForTokensAsync(
        Browser browser, TestClient client, TestUser user, string scope = TestClient.DefaultScope)
    {
        var request = client.NewAuthorizationRequest(scope);
        var response = await SignInAsync(browser, request, user);
        Assert.NotNull(response.Code);
        return (await client.RedeemCodeAsync(response.Code, request.Pkce.Verifier)).EnsureSuccess();
    }
}
