using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Session;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// OWASP ASVS 5.0 V7.2.4 and NIST SP 800-63B-4 §7.1: the session cookie is issued anew at sign-in and at every
/// step-up, so a value an attacker planted or saw before the user authenticated is worth nothing afterwards.
/// </summary>
public class SessionFixationTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static string SessionCookieName => "__Host-" + SessionCookies.SessionCookieName;

    private static string? SessionCookie(Browser browser) => browser.Cookies.GetAllCookies()
        .SingleOrDefault(c => !c.Expired && c.Name == SessionCookieName)?.Value;

    [Fact]
    public async Task SignInReplacesASessionCookieTheBrowserBroughtAlong()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        const string Planted = "CfDJ8attacker-chosen-session-value";
        browser.Cookies.Add(IdpFactory.BaseAddress, new Cookie(SessionCookieName, Planted, "/") { Secure = true, HttpOnly = true });

        var request = client.NewAuthorizationRequest();
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, await Journeys.SignInAsync(browser, request, user));

        Assert.NotEqual(Planted, SessionCookie(browser));
        Assert.False(string.IsNullOrEmpty(idToken.GetPayloadValue<string>("sid")));
    }

    [Fact]
    public async Task EachSignInGetsItsOwnSessionCookieAndSessionId()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var first = client.NewAuthorizationRequest();
        var (_, firstToken) = await TwoFactorJourneys.RedeemAsync(client, first, await Journeys.SignInAsync(browser, first, user));
        var firstCookie = SessionCookie(browser);

        var again = client.NewAuthorizationRequest().With("prompt", "login");
        var (_, againToken) = await TwoFactorJourneys.RedeemAsync(client, again, await Journeys.SignInAsync(browser, again, user));

        Assert.NotEqual(firstCookie, SessionCookie(browser));
        Assert.NotEqual(firstToken.GetPayloadValue<string>("sid"), againToken.GetPayloadValue<string>("sid"));
    }

    [Fact]
    public async Task StepUpReplacesTheSessionCookieAndTheOldOneStaysPasswordOnly()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(), user);
        var passwordOnlyCookie = SessionCookie(browser)!;

        var asking = client.NewAuthorizationRequest().With("acr_values", "urn:clinikoidp:acr:mfa");
        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.NavigateAsync(asking.Url));
        Assert.NotNull((await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, enrolment, enrolment.Scan(factory.Clock))).Response.Code);

        Assert.NotEqual(passwordOnlyCookie, SessionCookie(browser));
        using var old = factory.NewBrowser();
        old.Cookies.Add(IdpFactory.BaseAddress, new Cookie(SessionCookieName, passwordOnlyCookie, "/") { Secure = true, HttpOnly = true });
        var silent = await Journeys.AuthorizeAsync(old, client.NewAuthorizationRequest().With("prompt", "none").With("acr_values", "urn:clinikoidp:acr:mfa"));
        Assert.Null(silent.Code);
    }
}
