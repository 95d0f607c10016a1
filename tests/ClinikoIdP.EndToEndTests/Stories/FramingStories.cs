using ClinikoIdP.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>
/// Another site cannot show the sign-in form inside a frame to trick a person into typing their password or clicking
/// through it (clickjacking, RFC 9700 §4.16): the CSP's frame-ancestors 'none' makes the browser refuse.
/// </summary>
public sealed class FramingStories(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnotherSiteCannotFrameTheSignInPage()
    {
        var signIn = new Uri(fixture.Server.BaseAddress, "/signin").ToString();
        await using var portal = await OtherSite.StartAsync(new Dictionary<string, string>
        {
            ["/"] = $"<!DOCTYPE html><title>Portal</title><iframe id=own src='/harmless'></iframe><iframe id=idp src='{signIn}'></iframe>",
            ["/harmless"] = "<!DOCTYPE html><p id=harmless>A frame from the portal itself</p>",
        });
        var page = await fixture.NewPageAsync();

        var signInResponse = page.WaitForResponseAsync(signIn);
        await page.GotoAsync(portal.Origin.ToString());
        var headers = await (await signInResponse).AllHeadersAsync();
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.False(headers.ContainsKey("server"), "the server names no software");

        // The portal can frame its own content, so an empty IdP frame means the browser refused it.
        await Expect(page.FrameLocator("#own").Locator("#harmless")).ToBeVisibleAsync();
        var idpFrame = await (await page.QuerySelectorAsync("#idp"))!.ContentFrameAsync();
        Assert.NotNull(idpFrame);
        Assert.Equal(0, await idpFrame.Locator("input[name='Input.Password']").CountAsync());
        Assert.DoesNotContain("/signin", idpFrame.Url, StringComparison.Ordinal);
    }
}
