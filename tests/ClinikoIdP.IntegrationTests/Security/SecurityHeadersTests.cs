using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Security;

/// <summary>RFC 9700 §4.16 and the session cookie contract: no framing, no referrer, hardened cookies, CSRF protection.</summary>
public class SecurityHeadersTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static void AssertHardeningHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    /// <summary>The attributes of a Set-Cookie header, lower-cased, keyed by name.</summary>
    private static Dictionary<string, string> CookieAttributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().Split('=', 2))
            .ToDictionary(a => a[0].ToLowerInvariant(), a => a.Length > 1 ? a[1].ToLowerInvariant() : "");

    [Fact]
    public async Task SignInPageForbidsFramingSniffingAndReferrers()
    {
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync(SignInPage.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardeningHeaders(response);
    }

    [Fact]
    public async Task ErrorPageForbidsFramingSniffingAndReferrers()
    {
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync("/connect/authorize?client_id=unknown&response_type=code");

        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
        AssertHardeningHeaders(response);
    }

    [Fact]
    public async Task SessionCookieIsHostPrefixedHttpOnlySecureAndLax()
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);

        var response = await page.SubmitAsync(user.Email, user.Password);

        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("__Host-ClinikoIdP.Session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        var attributes = CookieAttributes(session);
        Assert.True(attributes.ContainsKey("httponly"), session);
        Assert.True(attributes.ContainsKey("secure"), session);
        Assert.Equal("lax", attributes["samesite"]);
        Assert.Equal("/", attributes["path"]);
        Assert.False(attributes.ContainsKey("domain"), "A __Host- cookie must not name a domain.");
    }

    [Fact]
    public async Task EveryCookieTheSignInSetsIsSecureAndHttpOnly()
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);
        await page.SubmitAsync(user.Email, user.Password);

        var cookies = browser.Cookies.GetAllCookies().ToList();

        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c.Name, StringComparison.Ordinal);
            Assert.True(c.Secure, c.Name);
            Assert.True(c.HttpOnly, c.Name);
        });
    }

    [Fact]
    public async Task SignInFormCarriesAnAntiforgeryToken()
    {
        using var browser = factory.NewBrowser();

        var page = await SignInPage.OpenAsync(browser);

        Assert.False(string.IsNullOrEmpty(page.AntiforgeryToken));
    }

    [Fact]
    public async Task SignInPostWithoutTheAntiforgeryTokenIsRejected()
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);

        var response = await page.Form.Remove("__RequestVerificationToken")
            .Set("Input.Email", user.Email).Set("Input.Password", user.Password).SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [],
            c => c.StartsWith("__Host-ClinikoIdP.Session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInPostFromAnotherBrowsersTokenIsRejected()
    {
        var user = await factory.StandardUserAsync();
        using var attacker = factory.NewBrowser();
        using var victim = factory.NewBrowser();
        var attackersToken = (await SignInPage.OpenAsync(attacker)).AntiforgeryToken!;
        var page = await SignInPage.OpenAsync(victim);

        var response = await page.Form.Set("__RequestVerificationToken", attackersToken)
            .Set("Input.Email", user.Email).Set("Input.Password", user.Password).SubmitAsync(victim);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizationEndpointAllowsNoCrossOriginReads()
    {
        var client = await factory.StandardClientAsync();
        using var http = factory.NewBackChannel();
        using var request = new HttpRequestMessage(HttpMethod.Get, client.NewAuthorizationRequest().Url);
        request.Headers.Add("Origin", "https://evil.example");

        var response = await http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
