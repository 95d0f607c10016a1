using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Connect;

namespace ClinikoIdP.IntegrationTests.Standards;

/// <summary>
/// RFC 9700 §4.16 (clickjacking) and §4.2.4 (referrer leaks) on every address the server maps, read from its
/// endpoint table so a page added later cannot escape, and on the protocol endpoints and every kind of error page.
/// </summary>
public class EveryPageHeadersTests(ThrowingRouteIdpFactory factory) : IClassFixture<ThrowingRouteIdpFactory>
{
    /// <summary>OpenIddict answers these itself, outside the endpoint table.</summary>
    private static readonly string[] ProtocolEndpoints =
    [
        ConnectRoutes.Authorize, ConnectRoutes.Token, ConnectRoutes.UserInfo, ConnectRoutes.EndSession,
        ConnectRoutes.Introspection, ConnectRoutes.Revocation, ConnectRoutes.Discovery, ConnectRoutes.Jwks,
    ];

    private static void AssertHardened(HttpResponseMessage response, string what)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var policies) ? string.Join(";", policies) : "";
        Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: CSP '{csp}'");
        Assert.True(HeaderIs(response, "X-Frame-Options", "DENY"), $"{what}: X-Frame-Options");
        Assert.True(HeaderIs(response, "X-Content-Type-Options", "nosniff"), $"{what}: X-Content-Type-Options");
        Assert.True(HeaderIs(response, "Referrer-Policy", "no-referrer"), $"{what}: Referrer-Policy");
    }

    private static bool HeaderIs(HttpResponseMessage response, string name, string value) =>
        response.Headers.TryGetValues(name, out var values) && values.SequenceEqual([value]);

    [Fact]
    public async Task EveryMappedPageAndEndpointSendsTheHardeningHeaders()
    {
        var urls = AdminRouteCatalogue.AllUrls(factory).Concat(ProtocolEndpoints.Select(e => "/" + e)).ToList();
        using var anonymous = factory.NewBrowser();
        using var signedIn = factory.NewBrowser();
        await Journeys.SignInAsync(signedIn, (await factory.StandardClientAsync()).NewAuthorizationRequest(), await factory.StandardUserAsync());

        Assert.True(urls.Count > 30, $"Only {urls.Count} routes found: is the endpoint table read?");
        foreach (var url in urls)
        {
            AssertHardened(await anonymous.GetAsync(url), $"GET {url} (anonymous)");
            AssertHardened(await signedIn.GetAsync(url), $"GET {url} (signed in)");
        }
    }

    /// <summary>The question asked before a logout request that does not prove itself: a page no other site may frame.</summary>
    [Fact]
    public async Task TheLogoutQuestionSendsTheHardeningHeaders()
    {
        using var browser = factory.NewBrowser();
        await Journeys.SignInAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), await factory.StandardUserAsync());

        var response = await browser.GetAsync(EndSession.Path);

        await EndSession.ReadQuestionAsync(response);
        AssertHardened(response, "logout question");
    }

    [Fact]
    public async Task NotFoundPageSendsTheHardeningHeaders()
    {
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, (await ErrorPage.ReadAsync(response)).Status);
        AssertHardened(response, "404 page");
    }

    [Fact]
    public async Task BadRequestPageSendsTheHardeningHeaders()
    {
        using var browser = factory.NewBrowser();

        var response = await browser.PostFormAsync(SignInPage.Path, [new("Input.Email", "a@b.test")]);

        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
        AssertHardened(response, "400 page");
    }

    [Fact]
    public async Task ServerErrorPageSendsTheHardeningHeadersAndNoDetails()
    {
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync(ThrowingRouteIdpFactory.ThrowingPath);

        var page = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.DoesNotContain("deliberate fault", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertHardened(response, "500 page");
    }
}
