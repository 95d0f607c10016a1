using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.SignIn;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>
/// The question asked before a logout request that does not prove itself (RP-Initiated Logout 1.0 §2) and its answer,
/// here one that comes after the session already ended. When the question is asked at all is in
/// <see cref="EndSessionTests"/>.
/// </summary>
public class EndSessionQuestionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(TestClient Client, TokenResponse Tokens)> SignInAsync(Browser browser)
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        return (client, await Journeys.SignInForTokensAsync(browser, client, user));
    }

    private static async Task<HtmlForm> OpenQuestionAsync(Browser browser, string url) =>
        EndSession.SignOutForm(await EndSession.ReadQuestionAsync(await browser.GetAsync(url)));

    [Fact]
    public async Task AnAnswerAfterTheSessionEndedInAnotherTabShowsTheSignedOutPage()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await SignInAsync(browser);
        var url = EndSession.Url(("client_id", client.ClientId),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "late"));
        var oldTab = await OpenQuestionAsync(browser, url);
        await (await OpenQuestionAsync(browser, url)).SubmitAsync(browser);

        var answered = await oldTab.SubmitAsync(browser);

        // Nobody is signed in, so there is nothing left to forge: the answer is the logout it asked for. Without a valid
        // id_token_hint there is no way back to the app, as for any other logout.
        Assert.Equal(SignInRoutes.SignedOut, Browser.LocationOf(answered).AbsolutePath);
        await EndSession.AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task AnAnswerAfterTheSessionEndedReturnsToTheAppWhenItsHintIsValid()
    {
        using var laptop = factory.NewBrowser();
        var (client, laptopTokens) = await SignInAsync(laptop);
        using var desk = factory.NewBrowser();
        await SignInAsync(desk);
        var oldTab = await OpenQuestionAsync(desk, EndSession.Url(("id_token_hint", laptopTokens.IdToken!),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "late")));
        await (await OpenQuestionAsync(desk, EndSession.Path)).SubmitAsync(desk);

        var answered = await oldTab.SubmitAsync(desk);

        Assert.Equal(client.PostLogoutRedirectUri + "?state=late", Browser.LocationOf(answered).ToString());
        await EndSession.AssertSignedOutAsync(desk, client);
        await EndSession.AssertStillSignedInAsync(laptop, client);
    }
}
