using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Negative;

/// <summary>Malformed and oversized input gets a clear refusal (an OAuth error or the error page), never a 500.</summary>
public class MalformedRequestTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static readonly string Huge = new('x', 10_000);

    /// <summary>Parameter, raw (already escaped) value.</summary>
    public static TheoryData<string, string> ClientIdentifyingParameters => new()
    {
        { "client_id", Huge },
        { "client_id", "%FF%FE%C3%28" },
        { "client_id", "app%00null" },
        { "redirect_uri", "https://" + Huge + ".example/cb" },
        { "redirect_uri", "https://%FF%FE.example/cb" },
        { "redirect_uri", "not%20a%20uri" },
    };

    public static TheoryData<string, string> OtherParameters => new()
    {
        { "state", Huge },
        { "state", "%FF%FE%C3%28" },
        { "nonce", Huge },
        { "scope", Huge },
        { "scope", "openid%00profile" },
        { "code_challenge", Huge },
        { "login_hint", "%C3%28" + Huge },
        { "prompt", "bogus" },
        { "max_age", "not-a-number" },
    };

    private static string Replace(AuthorizationRequest request, string name, string rawValue) =>
        request.Without(name).Url + $"&{name}={rawValue}";

    [Theory]
    [MemberData(nameof(ClientIdentifyingParameters))]
    public async Task BadClientIdOrRedirectUriGetsTheErrorPage(string name, string rawValue)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync(Replace(client.NewAuthorizationRequest(), name, rawValue));

        var page = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.ProtocolError);
    }

    [Theory]
    [MemberData(nameof(OtherParameters))]
    public async Task OtherBadParametersNeverCauseAServerErrorOrAForeignRedirect(string name, string rawValue)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();

        var response = await browser.NavigateAsync(Replace(client.NewAuthorizationRequest(), name, rawValue));

        Assert.True((int)response.StatusCode < 500, $"Got {(int)response.StatusCode}.");
        if (Browser.IsRedirect(response))
        {
            Assert.Equal(client.RedirectUri, AuthorizationResponse.FromRedirect(response).RedirectedTo);
        }
    }

    [Fact]
    public async Task DuplicatedParametersAreRefused()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync(client.NewAuthorizationRequest().Url + "&client_id=" + client.ClientId);

        Assert.Equal("invalid_request", (await ErrorPage.ReadAsync(response)).ProtocolError);
    }

    public static TheoryData<string, string> UnsupportedMethods => new()
    {
        { "PUT", EndSession.Path }, { "DELETE", EndSession.Path + "?handler=Confirm" }, { "PATCH", EndSession.Path },
        { "PUT", "/connect/authorize" },
    };

    /// <summary>
    /// The browser endpoints take GET and POST only (OIDC Core §3.1.2.1, RP-Initiated Logout 1.0 §2). Any other method is
    /// OpenIddict's invalid_request on the error page with 400, the same page whatever the method that led there.
    /// </summary>
    [Theory]
    [MemberData(nameof(UnsupportedMethods))]
    public async Task AnUnsupportedMethodGetsTheErrorPageWith400(string method, string url)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        await Journeys.SignInForTokensAsync(browser, client, await factory.StandardUserAsync());

        var response = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        var error = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("invalid_request", error.ProtocolError);
        await EndSession.AssertStillSignedInAsync(browser, client);
    }

    [Fact]
    public async Task OversizedSignInFieldsRedisplayTheFormWithAnError()
    {
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);

        var again = await page.SubmitExpectingFailureAsync(Huge + "@clinic.test", Huge);

        Assert.Equal("", again.Form["Input.Password"]);
        Assert.Contains("too long", again.Document.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("grant_type=password&username=a&password=b")]
    [InlineData("grant_type=implicit")]
    [InlineData("grant_type=authorization_code&code=%FF%FE&code_verifier=x")]
    [InlineData("grant_type=refresh_token")]
    [InlineData("")]
    public async Task TokenEndpointAnswersMalformedRequestsWithAnOAuthError(string form)
    {
        var client = await factory.StandardClientAsync();
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form)
            .ToDictionary(p => p.Key, p => p.Value.ToString());

        var response = await client.TokenRequestAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Error));
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task TokenEndpointAnswersAnOversizedCodeWithInvalidGrant()
    {
        var client = await factory.StandardClientAsync();

        var response = await client.RedeemCodeAsync(Huge, Pkce.Create().Verifier);

        Assert.Equal("invalid_grant", response.Error);
    }
}
