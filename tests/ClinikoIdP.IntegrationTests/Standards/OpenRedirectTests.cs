using AngleSharp.Dom;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.PasswordReset;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.Standards;

/// <summary>
/// RFC 9700 §4.11: no open redirector. A hostile return URL, in every spelling a browser would follow off the site,
/// neither redirects there nor ends up in a link, on every page that takes one; post-logout redirects go only to the
/// registered URI.
/// </summary>
public class OpenRedirectTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    public static TheoryData<string> HostileReturnUrls => new()
    {
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "/\t/evil.example/",
        "/\n/evil.example/",
        " //evil.example/",
        "\u0001//evil.example/",
        "/%09/evil.example/",
        "javascript:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "https:evil.example",
    };

    /// <summary>Pages that carry a return URL along (into links, forms or redirects) for a visitor not signed in.</summary>
    private static readonly string[] AnonymousPages =
        ["/signin", PasswordResetRoutes.ForgotPassword, PasswordResetRoutes.Sent, PasswordResetRoutes.ResetPassword, PasskeyRoutes.SignIn, "/two-factor", "/enrol"];

    /// <summary>Pages that carry a return URL along for a signed-in user.</summary>
    private static readonly string[] SignedInPages = [BackupCodeRoutes.Remaining, BackupCodeRoutes.Show, PasskeyRoutes.Step];

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task SignInNeverRedirectsOffTheSite(string returnUrl)
    {
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);

        var response = await page.Form.Set("ReturnUrl", returnUrl).Set("Input.Email", user.Email).Set("Input.Password", user.Password)
            .SubmitAsync(browser);

        Assert.True(Browser.IsRedirect(response), $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.GetValues("Location").Single();
        Assert.True(BrowserUrl.StaysOnIdentityProvider(IdpFactory.BaseAddress, location), $"Redirected to '{location}'.");
    }

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task NoPageTakingAReturnUrlLinksOrRedirectsOffTheSite(string returnUrl)
    {
        using var anonymous = factory.NewBrowser();
        using var signedIn = factory.NewBrowser();
        await Journeys.SignInAsync(signedIn, (await factory.StandardClientAsync()).NewAuthorizationRequest(), await factory.StandardUserAsync());

        foreach (var (browser, path) in AnonymousPages.Select(p => (anonymous, p)).Concat(SignedInPages.Select(p => (signedIn, p))))
        {
            var url = QueryHelpers.AddQueryString(path, "ReturnUrl", returnUrl);
            await AssertStaysOnSiteAsync(await browser.GetAsync(url), url);
        }
    }

    private static async Task AssertStaysOnSiteAsync(HttpResponseMessage response, string url)
    {
        var page = new Uri(IdpFactory.BaseAddress, url);
        Assert.True((int)response.StatusCode < 500, $"GET {url}: {(int)response.StatusCode}");
        if (Browser.IsRedirect(response))
        {
            var location = response.Headers.GetValues("Location").Single();
            Assert.True(BrowserUrl.StaysOnIdentityProvider(page, location), $"GET {url} redirected to '{location}'.");
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
            return;
        }

        var document = await Browser.ParseAsync(response);
        var links = document.All
            .SelectMany(element => element.Attributes.Where(IsUrlAttribute).Select(attribute => attribute.Value))
            .ToList();
        Assert.All(links, link => Assert.True(BrowserUrl.StaysOnIdentityProvider(page, link), $"GET {url} links to '{link}'."));
    }

    private static bool IsUrlAttribute(IAttr attribute) =>
        attribute.Name is "href" or "action" or "formaction" or "src" || attribute.Name.EndsWith("-url", StringComparison.Ordinal);
}
