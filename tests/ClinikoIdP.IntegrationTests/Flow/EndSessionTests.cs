using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>
/// RFC 9700 §4.14: signing out ends what the session handed out. The RP-initiated logout modules themselves are in
/// Conformance/RpInitiatedLogoutPlan.
/// </summary>
public class EndSessionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(TestClient Client, TokenResponse Tokens)> SignInAsync(Browser browser)
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        return (client, await Journeys.SignInForTokensAsync(browser, client, user));
    }

    [Fact]
    public async Task LogoutRevokesTheRefreshTokensTheSessionHandedOut()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await SignInAsync(browser);

        await browser.GetAsync(EndSession.Url(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", client.PostLogoutRedirectUri)));

        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }
}
