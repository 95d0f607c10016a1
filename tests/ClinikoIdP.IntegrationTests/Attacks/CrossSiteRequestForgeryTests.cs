using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// OWASP ASVS 5.0 V3.5: a state-changing form posted from another site (the victim's cookies, no anti-forgery token)
/// is refused, on every POST handler of every page, by a signed-in administrator whose session could do the most harm.
/// </summary>
public class CrossSiteRequestForgeryTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    /// <summary>
    /// The only pages that accept a POST without the token, and why: OpenID Connect lets a client send the authorization
    /// and logout requests as form posts from its own site (OIDC Core §3.1.2.1, RP-Initiated Logout §2), and the error
    /// page changes nothing. The consent handlers of the authorization page and the "Sign out" answer of the logout
    /// question check the token themselves (and are attacked below like every other handler).
    /// </summary>
    private static readonly string[] ProtocolAndErrorPosts = ["/connect/authorize", "/connect/endsession", "/error"];

    [Fact]
    public async Task EveryPostHandlerRefusesARequestWithoutTheAntiforgeryToken()
    {
        var handlers = await PostHandlerCatalogue.AllAsync(factory);
        using var admin = await AdminConsole.SignInAsync(factory);

        var accepted = new List<string>();
        foreach (var handler in handlers.Where(h => !ProtocolAndErrorPosts.Contains(h.Url, StringComparer.OrdinalIgnoreCase)))
        {
            var response = await admin.Browser.PostFormAsync(handler.Url, [new("Input.Email", "attacker@evil.example")]);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{handler.Url} ({handler.PageModel}): {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Accepted without a token:\n" + string.Join('\n', accepted));
    }

    /// <summary>
    /// Logout CSRF: another site's form posts a logout request with the victim's cookies. It proves nothing (no
    /// id_token_hint of the victim's session), so the victim is asked instead of signed out (RP-Initiated Logout §2).
    /// </summary>
    [Fact]
    public async Task ACrossSiteLogoutPostIsAskedAboutNotObeyed()
    {
        var client = await factory.StandardClientAsync();
        using var victim = await SignedInBrowserAsync(client, await factory.StandardUserAsync());

        var response = await victim.PostFormAsync(EndSession.Path,
            [new("post_logout_redirect_uri", client.PostLogoutRedirectUri), new("state", "csrf")]);

        await EndSession.ReadQuestionAsync(response);
        await EndSession.AssertStillSignedInAsync(victim, client);
    }

    public static TheoryData<string> ForgedAnswers => new() { "no token", "a garbage token", "another browser's token" };

    [Theory]
    [MemberData(nameof(ForgedAnswers))]
    public async Task AnAnswerToTheLogoutQuestionWithoutItsAntiforgeryTokenIsRefused(string forgery)
    {
        var client = await factory.StandardClientAsync();
        using var victim = await SignedInBrowserAsync(client, await factory.StandardUserAsync());
        using var attacker = await SignedInBrowserAsync(client, await Seed.UserAsync(factory));
        var attackersAnswer = EndSession.SignOutForm(await EndSession.ReadQuestionAsync(await attacker.GetAsync(EndSession.Path)));
        var answer = EndSession.SignOutForm(await EndSession.ReadQuestionAsync(await victim.GetAsync(EndSession.Path)));
        const string Token = "__RequestVerificationToken";
        _ = forgery switch
        {
            "no token" => answer.Remove(Token),
            "a garbage token" => answer.Set(Token, "CfDJ8" + new string('A', 150)),
            _ => answer.Set(Token, attackersAnswer[Token]!),
        };

        var response = await answer.SubmitAsync(victim);

        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
        await EndSession.AssertStillSignedInAsync(victim, client);
    }

    /// <summary>
    /// An answer left open while its asker signed out and someone else signed in on the same computer: its anti-forgery
    /// token belongs to the first person, so it must not sign the second one out. The refusal is the error page (400).
    /// </summary>
    [Fact]
    public async Task AnOldAnswerToTheLogoutQuestionDoesNotSignOutTheNextPersonToSignIn()
    {
        var client = await factory.StandardClientAsync();
        using var sharedComputer = await SignedInBrowserAsync(client, await factory.StandardUserAsync());
        var oldAnswer = EndSession.SignOutForm(await EndSession.ReadQuestionAsync(await sharedComputer.GetAsync(EndSession.Path)));
        await EndSession.SignOutForm(await EndSession.ReadQuestionAsync(await sharedComputer.GetAsync(EndSession.Path)))
            .SubmitAsync(sharedComputer);
        await Journeys.SignInAsync(sharedComputer, client.NewAuthorizationRequest(), await Seed.UserAsync(factory));

        var response = await oldAnswer.SubmitAsync(sharedComputer);

        var refusal = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Equal("That request wasn't valid", refusal.Title);
        await EndSession.AssertStillSignedInAsync(sharedComputer, client);
    }

    private async Task<Browser> SignedInBrowserAsync(TestClient client, TestUser user)
    {
        var browser = factory.NewBrowser();
        await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(), user);
        return browser;
    }

    [Fact]
    public async Task OnlyTheProtocolPagesAndTheErrorPageSkipTheAntiforgeryFilter()
    {
        var handlers = await PostHandlerCatalogue.AllAsync(factory);

        var skipping = handlers.Where(h => h.IgnoresAntiforgery).Select(h => h.Url.Split('?')[0]).Distinct().Order();

        Assert.Equal(ProtocolAndErrorPosts.Order(), skipping);
    }
}
