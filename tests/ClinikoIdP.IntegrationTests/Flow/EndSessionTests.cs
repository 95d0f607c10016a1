using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>
/// RFC 9700 §4.14: signing out ends what the session handed out. RP-Initiated Logout 1.0 §2: the user is asked first
/// unless the id_token_hint belongs to the signed-in user's current session, so a link on another site cannot sign
/// anyone out. The RP-initiated logout modules themselves are in Conformance/RpInitiatedLogoutPlan.
/// </summary>
public class EndSessionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task LogoutRevokesTheRefreshTokensTheSessionHandedOut()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);

        await browser.GetAsync(EndSession.Url(
            ("id_token_hint", tokens.IdToken!), ("post_logout_redirect_uri", client.PostLogoutRedirectUri)));

        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task ALogoutLinkWithoutAHintAsksAndLeavesTheSessionAlive()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);

        var question = await EndSession.ReadQuestionAsync(await browser.GetAsync(EndSession.Path));

        Assert.Equal(SignInRoutes.Home, question.Document.QuerySelector("a.button")?.GetAttribute("href"));
        Assert.Contains("Stay signed in", question.Document.QuerySelector("a.button")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(EndSession.SignOutForm(question)["__RequestVerificationToken"]);
        await EndSession.AssertStillSignedInAsync(browser, client);
        Assert.Null((await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task AnsweringSignOutEndsTheSessionAndRevokesItsTokens()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);
        var question = await EndSession.ReadQuestionAsync(await browser.GetAsync(EndSession.Path));

        var answered = await EndSession.SignOutForm(question).SubmitAsync(browser);

        Assert.Equal(SignInRoutes.SignedOut, Browser.LocationOf(answered).AbsolutePath);
        await EndSession.AssertSignedOutAsync(browser, client);
        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task AValidHintForThisSessionSignsOutWithoutAQuestion()
    {
        using var browser = factory.NewBrowser();
        var (client, tokens) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);

        // An app may send the request as a form post from its own site (§2): no anti-forgery token, no question.
        var response = await browser.PostFormAsync(EndSession.Path, [
            new("id_token_hint", tokens.IdToken!), new("post_logout_redirect_uri", client.PostLogoutRedirectUri), new("state", "p"),
        ]);

        Assert.Equal(client.PostLogoutRedirectUri + "?state=p", Browser.LocationOf(response).ToString());
        await EndSession.AssertSignedOutAsync(browser, client);
    }

    [Fact]
    public async Task AHintForAnotherUsersSessionIsAskedAbout()
    {
        var client = await factory.StandardClientAsync();
        using var someoneElse = factory.NewBrowser();
        var theirTokens = await Journeys.SignInForTokensAsync(someoneElse, client, await Seed.UserAsync(factory));
        using var browser = factory.NewBrowser();
        await Journeys.SignInStandardUserForTokensAsync(factory, browser);

        var response = await browser.GetAsync(EndSession.Url(("id_token_hint", theirTokens.IdToken!),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "x")));

        var question = await EndSession.ReadQuestionAsync(response);
        await EndSession.AssertStillSignedInAsync(browser, client);
        await EndSession.AssertStillSignedInAsync(someoneElse, client);

        // Answered, the request is what it claims to be (a hint the IdP signed, a registered URI): back to the app.
        var answered = await EndSession.SignOutForm(question).SubmitAsync(browser);
        Assert.Equal(client.PostLogoutRedirectUri + "?state=x", Browser.LocationOf(answered).ToString());
        await EndSession.AssertSignedOutAsync(browser, client);
        await EndSession.AssertStillSignedInAsync(someoneElse, client);
    }

    [Fact]
    public async Task AHintFromTheSameUsersSessionInAnotherBrowserIsAskedAbout()
    {
        using var laptop = factory.NewBrowser();
        var (client, laptopTokens) = await Journeys.SignInStandardUserForTokensAsync(factory, laptop);
        using var desk = factory.NewBrowser();
        await Journeys.SignInStandardUserForTokensAsync(factory, desk);

        // The same sub, but the sid of the laptop's session, not the desk's.
        var response = await desk.GetAsync(EndSession.Url(("id_token_hint", laptopTokens.IdToken!)));

        await EndSession.ReadQuestionAsync(response);
        await EndSession.AssertStillSignedInAsync(desk, client);
        await EndSession.AssertStillSignedInAsync(laptop, client);
    }

    [Fact]
    public async Task WithNobodySignedInThereIsNoQuestion()
    {
        using var signedIn = factory.NewBrowser();
        var (client, tokens) = await Journeys.SignInStandardUserForTokensAsync(factory, signedIn);
        using var browser = factory.NewBrowser();

        var bare = await browser.GetAsync(EndSession.Path);
        var hinted = await browser.GetAsync(EndSession.Url(("id_token_hint", tokens.IdToken!),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri), ("state", "n")));

        Assert.Equal(SignInRoutes.SignedOut, Browser.LocationOf(bare).AbsolutePath);
        Assert.Equal(client.PostLogoutRedirectUri + "?state=n", Browser.LocationOf(hinted).ToString());
    }

    [Fact]
    public async Task TheQuestionNamesTheAppThatAskedWithItsNameEncoded()
    {
        var client = await Seed.ClientAsync(factory, "--display-name", "<b>Billing</b> & Co");
        using var browser = factory.NewBrowser();
        await Journeys.SignInForTokensAsync(browser, client, await factory.StandardUserAsync());

        var response = await browser.GetAsync(EndSession.Url(("client_id", client.ClientId),
            ("post_logout_redirect_uri", client.PostLogoutRedirectUri)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;b&gt;Billing&lt;/b&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Billing", html, StringComparison.Ordinal);
        var question = await EndSession.ReadQuestionAsync(response);
        Assert.Equal("<b>Billing</b> & Co", question.Document.QuerySelector(".lead strong")?.TextContent);
    }

    [Fact]
    public async Task StayingSignedInLeavesTheSessionAsItWas()
    {
        using var browser = factory.NewBrowser();
        var (client, _) = await Journeys.SignInStandardUserForTokensAsync(factory, browser);
        var question = await EndSession.ReadQuestionAsync(await browser.GetAsync(EndSession.Url(("state", "s"))));

        var home = await browser.NavigateAsync(question.Document.QuerySelector("a.button")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(SignInRoutes.Home, home.RequestMessage!.RequestUri!.AbsolutePath);
        await EndSession.AssertStillSignedInAsync(browser, client);
        Assert.Empty(QueryHelpers.ParseQuery(home.RequestMessage.RequestUri.Query));
    }
}
