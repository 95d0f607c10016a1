using System.Net;
using System.Text.Json;
using ClinikoIdP.Samples.Tests.Infrastructure;

namespace ClinikoIdP.Samples.Tests.BackChannelLogout;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 §2.6/§2.8 for one web sample: the logout token is validated, a valid one ends
/// the local session with that sid (the next request goes back to sign-in), and every invalid one gets 400.
/// </summary>
public abstract class BackChannelLogoutReceiverTests<TEntryPoint>(ReceiverFactory<TEntryPoint> factory)
    where TEntryPoint : class
{
    private const string Endpoint = "/backchannel-logout";

    [Fact]
    public async Task ValidLogoutTokenEndsThatSessionOnly()
    {
        var signedOut = await SignInAsync("sid-a");
        var other = await SignInAsync("sid-b");

        using var response = await PostAsync(factory.ClientId, "sid-a", "user-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(factory.IsSignInRedirect(await signedOut.GetAsync("/")), "the signed-out session must be sent to sign in");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task TokenWithOnlySubEndsEverySessionOfThatUser()
    {
        var first = await SignInAsync("sid-c", "user-7");
        var second = await SignInAsync("sid-d", "user-7");
        var claims = TestIssuer.LogoutClaims(factory.ClientId, sid: null, sub: "user-7");

        using var response = await PostTokenAsync(TestIssuer.Instance.Sign(claims, "logout+jwt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.IsSignInRedirect(await first.GetAsync("/")));
        Assert.True(factory.IsSignInRedirect(await second.GetAsync("/")));
    }

    [Fact]
    public async Task SessionIsAcceptedBeforeAnyLogout()
    {
        var browser = await SignInAsync("sid-e");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ReplayedJtiIsRefused()
    {
        var token = TestIssuer.Instance.Sign(TestIssuer.LogoutClaims(factory.ClientId, "sid-f", "user-1"), "logout+jwt");

        using var first = await PostTokenAsync(token);
        using var replay = await PostTokenAsync(token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefusedAsync(replay);
    }

    [Theory]
    [InlineData("bad signature")]
    [InlineData("forged signature with the IdP's key id")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("no sid and no sub")]
    [InlineData("nonce present")]
    [InlineData("no events")]
    [InlineData("other event")]
    [InlineData("no jti")]
    [InlineData("no exp")]
    [InlineData("expired")]
    [InlineData("iat too old")]
    [InlineData("no iat")]
    [InlineData("access token type")]
    public async Task InvalidLogoutTokenIsRefused(string defect)
    {
        var browser = await SignInAsync("sid-defect");
        var claims = TestIssuer.LogoutClaims(factory.ClientId, "sid-defect", "user-1");
        var type = "logout+jwt";
        var key = TestIssuer.Instance.SigningKey;
        switch (defect)
        {
            case "bad signature": key = TestIssuer.Instance.ForeignKey; break;
            case "forged signature with the IdP's key id": key = TestIssuer.Instance.ForgedKey; break;
            case "wrong audience": claims["aud"] = "some-other-app"; break;
            case "wrong issuer": claims["iss"] = "https://evil.test/"; break;
            case "no sid and no sub": claims.Remove("sid"); claims.Remove("sub"); break;
            case "nonce present": claims["nonce"] = "n-0S6_WzA2Mj"; break;
            case "no events": claims.Remove("events"); break;
            case "other event": claims["events"] = new Dictionary<string, object> { ["http://example.test/event"] = new Dictionary<string, object>() }; break;
            case "no jti": claims.Remove("jti"); break;
            case "no exp": claims.Remove("exp"); break;
            case "expired": claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(); break;
            case "iat too old": claims["iat"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(); break;
            case "no iat": claims.Remove("iat"); break;
            case "access token type": type = "at+jwt"; break;
            default: throw new ArgumentOutOfRangeException(nameof(defect));
        }

        using var response = await PostTokenAsync(TestIssuer.Instance.Sign(claims, type, key));

        await AssertRefusedAsync(response);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task RequestWithoutLogoutTokenIsRefused()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAsync(Endpoint, new FormUrlEncodedContent(new Dictionary<string, string>()));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task UntypedLogoutTokenIsAccepted()
    {
        // §2.4 only recommends explicit typing, so a token typed plain "JWT" by another IdP still works.
        using var response = await PostTokenAsync(
            TestIssuer.Instance.Sign(TestIssuer.LogoutClaims(factory.ClientId, "sid-g", "user-1"), "JWT"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string sid, string sub = "user-1")
    {
        // The test server's client keeps cookies, like a browser.
        var browser = factory.CreateBrowser();
        using var response = await browser.GetAsync(TestSignIn.Url(sid, sub));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return browser;
    }

    private Task<HttpResponseMessage> PostAsync(string audience, string? sid, string? sub) =>
        PostTokenAsync(TestIssuer.Instance.Sign(TestIssuer.LogoutClaims(audience, sid, sub), "logout+jwt"));

    private async Task<HttpResponseMessage> PostTokenAsync(string token)
    {
        using var client = factory.CreateBrowser();
        return await client.PostAsync(Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["logout_token"] = token }));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", body.RootElement.GetProperty("error").GetString());
    }
}
