using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Session;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// A cookie altered in the browser (a flipped character anywhere, cut short, replaced by garbage or by a huge value)
/// is treated as absent: the session and the pending sign-in are gone, the page asks to sign in again, never a 500.
/// The remembered-computer cookie is covered by <see cref="RememberedComputers.RememberedComputerSignInTests"/>.
/// </summary>
public class TamperedCookieTests(IdpFactory factory, AlwaysTwoFactorIdpFactory twoFactor)
    : IClassFixture<IdpFactory>, IClassFixture<AlwaysTwoFactorIdpFactory>
{
    public static TheoryData<string> Tamperings => new() { "flip first", "flip middle", "flip last", "truncate", "garbage", "huge", "empty" };

    private static string Tamper(string value, string how) => how switch
    {
        "flip first" => Flip(value, 0),
        "flip middle" => Flip(value, value.Length / 2),
        "flip last" => Flip(value, value.Length - 1),
        "truncate" => value[..(value.Length / 2)],
        "garbage" => "%FF%00not-base64!!",
        "huge" => new string('A', 3500),
        "empty" => "",
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    private static string Flip(string value, int index) => value[..index] + (value[index] == 'A' ? 'B' : 'A') + value[(index + 1)..];

    private static void Replace(Browser browser, string nameSuffix, string how)
    {
        var cookie = browser.Cookies.GetAllCookies().Single(c => !c.Expired && c.Name.EndsWith(nameSuffix, StringComparison.Ordinal));
        browser.Cookies.Add(IdpFactory.BaseAddress,
            new Cookie(cookie.Name, Tamper(cookie.Value, how), "/") { Secure = true, HttpOnly = true });
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperedSessionCookieIsTreatedAsNoSession(string how)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(), await factory.StandardUserAsync());
        Replace(browser, SessionCookies.SessionCookieName, how);

        var silent = await Journeys.AuthorizeAsync(browser, client.NewAuthorizationRequest().With("prompt", "none"));
        var mySecurity = await browser.NavigateAsync("/my-security");

        Assert.Equal("login_required", silent.Error);
        Assert.Equal(SignInPage.Path, (await SignInPage.ReadAsync(browser, mySecurity)).Form.Action.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperedPendingSignInCookieSendsBackToSignIn(string how)
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(twoFactor);
        using var browser = twoFactor.NewBrowser();
        var request = (await twoFactor.StandardClientAsync()).NewAuthorizationRequest();
        var page = await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, enrolled.User));
        Replace(browser, SessionCookies.PendingCookieName, how);

        var submitted = await page.SubmitAsync(enrolled.App.Code());
        var landed = await browser.FollowAsync(submitted);

        Assert.True((int)submitted.StatusCode < 500, $"Got {(int)submitted.StatusCode}.");
        Assert.False(browser.HasSessionCookie);
        await SignInPage.ReadAsync(browser, landed);
    }

    [Theory]
    [InlineData("Antiforgery")]
    [InlineData("TempData")]
    public async Task TamperedHelperCookiesNeverCauseAServerError(string cookie)
    {
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);
        browser.Cookies.Add(IdpFactory.BaseAddress, new Cookie("__Host-ClinikoIdP." + cookie, "CfDJ8" + new string('Z', 200), "/") { Secure = true, HttpOnly = true });

        var posted = await page.SubmitAsync("nobody@clinic.test", "not the password");
        var reopened = await browser.GetAsync(SignInPage.Path);

        Assert.True((int)posted.StatusCode < 500, $"POST: {(int)posted.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }
}
