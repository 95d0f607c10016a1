using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// "Also from the wider plans": a redirect_uri is matched as an exact string, query included (RFC 9700 §4.1.3). An
/// added query or a fragment on a plain URI is proved in Negative/AuthorizationRequestValidationTests; this proves that
/// a registered URI with a query of its own accepts that query exactly and nothing else.
/// </summary>
public class WiderPlansChecks(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string RegisteredQuery = "?tenant=north";

    [Theory]
    [InlineData("?tenant=north-clinic")]
    [InlineData("?tenant=north&extra=1")]
    [InlineData("?TENANT=north")]
    [InlineData("")]
    public async Task RedirectUriWithAChangedQueryIsRejected(string query)
    {
        var suite = await RegisterWithQueryAsync();
        using var browser = factory.NewBrowser();
        var changed = suite.Client.RedirectUri.Replace(RegisteredQuery, query, StringComparison.Ordinal);

        var response = await browser.GetAsync(suite.NewRequest().With("redirect_uri", changed).Url);

        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task RedirectUriWithItsRegisteredQueryKeepsIt()
    {
        var suite = await RegisterWithQueryAsync();
        using var browser = factory.NewBrowser();

        var flow = await suite.SignInAsync(browser, suite.NewRequest(), await factory.StandardUserAsync());

        Assert.Equal("north", flow.Response["tenant"]);
    }

    /// <summary>A client whose redirect URI carries a query, registered beside the usual one.</summary>
    private async Task<SuiteClient> RegisterWithQueryAsync()
    {
        var withQuery = $"https://{Seed.UniqueId("tenant")}.clinic.test/signin-oidc{RegisteredQuery}";
        var client = await Seed.ClientAsync(factory, "--redirect-uri", withQuery);
        return new SuiteClient(factory, new TestClient(factory, client.ClientId, client.Secret, withQuery, client.PostLogoutRedirectUri));
    }
}
