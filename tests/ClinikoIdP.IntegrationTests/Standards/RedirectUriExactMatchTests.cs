using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Standards;

/// <summary>
/// RFC 9700 §4.1.3 and §2.1: the redirect URI is compared as an exact string. Anything else (the variants an attacker
/// tries to reach a page they control) gets the error page, never a redirect. Added path, query, fragment and trailing
/// slash are in <see cref="Negative.AuthorizationRequestValidationTests"/>.
/// </summary>
public class RedirectUriExactMatchTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    public static TheoryData<string> Variants => new()
    {
        "upper-case host",
        "upper-case path",
        "explicit default port",
        "another port",
        "http scheme",
        "userinfo before another host",
        "encoded slash",
        "trailing space",
        "javascript scheme",
        "data scheme",
    };

    private static string Variant(string registered, string variant)
    {
        var uri = new Uri(registered);
        return variant switch
        {
            "upper-case host" => registered.Replace(uri.Host, uri.Host.ToUpperInvariant(), StringComparison.Ordinal),
            "upper-case path" => registered.Replace(uri.AbsolutePath, uri.AbsolutePath.ToUpperInvariant(), StringComparison.Ordinal),
            "explicit default port" => $"https://{uri.Host}:443{uri.AbsolutePath}",
            "another port" => $"https://{uri.Host}:8443{uri.AbsolutePath}",
            "http scheme" => $"http://{uri.Host}{uri.AbsolutePath}",
            "userinfo before another host" => $"https://{uri.Host}@evil.example{uri.AbsolutePath}",
            "encoded slash" => registered.Replace("/signin-oidc", "%2Fsignin-oidc", StringComparison.Ordinal),
            "trailing space" => registered + " ",
            "javascript scheme" => "javascript:alert(document.domain)//" + registered,
            "data scheme" => "data:text/html,<script>alert(1)</script>",
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task RedirectUriVariantGetsTheErrorPageNeverARedirect(string variant)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        request.With("redirect_uri", Variant(client.RedirectUri, variant));

        var response = await browser.GetAsync(request.Url);

        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task RedirectUriVariantIsRefusedEvenForASignedInUser(string variant)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(), await factory.StandardUserAsync());

        var response = await browser.NavigateAsync(client.NewAuthorizationRequest().With("redirect_uri", Variant(client.RedirectUri, variant)).Url);

        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
    }
}
