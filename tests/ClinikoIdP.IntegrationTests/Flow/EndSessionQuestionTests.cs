using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.SignIn;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>
/// The question asked before a logout request that does not prove itself (RP-Initiated Logout 1.0 §2) and its answer:
/// an answer that comes after the session already ended, the request's parameters carried across, and addresses that
/// name a page handler. When the question is asked at all is in <see cref="EndSessionTests"/>.
/// </summary>
public class EndSessionQuestionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static async Task<HtmlForm> OpenQuestionAsync(Browser browser, string url) =>
        EndSession.SignOutForm(await EndSession.ReadQuestionAsync(await browser.GetAsync(url)));

    [Fact]
    public async Task AnAnswerAfterTheSessionEndedInAnotherTabShowsTheSignedOutPage()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);
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
        var (client, laptopTokens) = await Journeys.SignInStandardUserForTokensAsync(factory, laptop);
        using var desk = factory.NewBrowser();
        await Journeys.SignInStandardUserForTokensAsync(factory, desk);
        var oldTab = await OpenQuestionAsync(desk, EndSession.Url(("id_token_hint", laptopTokens.IdToken!),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "late")));
        await (await OpenQuestionAsync(desk, EndSession.Path)).SubmitAsync(desk);

        var answered = await oldTab.SubmitAsync(desk);

        Assert.Equal(client.PostLogoutRedirectUri + "?state=late", Browser.LocationOf(answered).ToString());
        await EndSession.AssertSignedOutAsync(desk, client);
        await EndSession.AssertStillSignedInAsync(laptop, client);
    }

    [Fact]
    public async Task TheAnswerCarriesTheLogoutRequestsOwnParametersEncoded()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);
        const string LogoutHint = "\"><script>alert('hint')</script>jane@clinic.test";

        var response = await browser.GetAsync(EndSession.Url(("client_id", client.ClientId),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "carried"), ("ui_locales", "en-GB"),
            ("logout_hint", LogoutHint), ("prompt", "none"), ("Input.Email", "attacker@evil.example")));

        Assert.DoesNotContain("<script>alert('hint')", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answer = EndSession.SignOutForm(await EndSession.ReadQuestionAsync(response));
        Assert.Equal(LogoutHint, answer["logout_hint"]);
        Assert.Equal(client.ClientId, answer["client_id"]);
        Assert.Equal(client.PostLogoutRedirectUri, answer["post_logout_redirect_uri"]);
        Assert.Equal("carried", answer["state"]);
        Assert.Equal("en-GB", answer["ui_locales"]);
        // Only the parameters RP-Initiated Logout 1.0 §2 defines are carried, not whatever else the request held.
        Assert.Null(answer["prompt"]);
        Assert.Null(answer["Input.Email"]);

        Assert.Equal(SignInRoutes.SignedOut, Browser.LocationOf(await answer.SubmitAsync(browser)).AbsolutePath);
        await EndSession.AssertSignedOutAsync(browser, client);
    }

    public static TheoryData<string, string> HandlerAddresses => new()
    {
        { "GET", "Confirm" }, { "GET", "confirm" }, { "GET", "Unknown" }, { "POST", "Unknown" },
    };

    /// <summary>
    /// The handler name is this page's own plumbing, not an OpenID Connect parameter, and an OP ignores parameters it
    /// does not understand (OpenID Connect Core 1.0 §3.1.2.1): such a request is a logout request like any other.
    /// Above all, a GET naming the "Sign out" answer must never be obeyed (a link or image would sign people out).
    /// </summary>
    [Theory]
    [MemberData(nameof(HandlerAddresses))]
    public async Task ARequestNamingAHandlerIsAnsweredLikeAPlainLogoutRequest(string method, string handler)
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);
        (string, string)[] parameters = [("client_id", client.ClientId),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "h")];

        var response = await SendAsync(browser, method, handler, parameters);

        var question = await EndSession.ReadQuestionAsync(response);
        Assert.NotNull(question.Document.QuerySelector(".lead strong"));
        Assert.Equal("h", EndSession.SignOutForm(question)["state"]);
        await EndSession.AssertStillSignedInAsync(browser, client);

        // With nobody signed in a plain request has nothing to ask: straight to the signed-out page.
        using var signedOut = factory.NewBrowser();
        var anonymous = await SendAsync(signedOut, method, handler, parameters);
        Assert.Equal(SignInRoutes.SignedOut, Browser.LocationOf(anonymous).AbsolutePath);
    }

    private static Task<HttpResponseMessage> SendAsync(Browser browser, string method, string handler,
        (string Name, string Value)[] parameters)
    {
        var handlerUrl = EndSession.Url(("handler", handler));
        return method == "GET"
            ? browser.GetAsync(EndSession.Url([("handler", handler), .. parameters]))
            : browser.PostFormAsync(handlerUrl, parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
    }
}
