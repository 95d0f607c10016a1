using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.SignIn;

/// <summary>
/// prompt=none with an expired max_age never shows a page (OIDC Core §3.1.2.1). The oidcc-prompt-*, oidcc-max-age-* and
/// oidcc-id-token-hint modules themselves are in Conformance/BasicOpSessionPlan.
/// </summary>
public class PromptAndMaxAgeTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task PromptNoneWithMaxAgeExceededDoesNotShowAPage()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        await Journeys.SignInForTokensAsync(browser, client, user);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var request = client.NewAuthorizationRequest().With("prompt", "none").With("max_age", "1");

        var response = await browser.GetAsync(request.Url);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("login_required", AuthorizationResponse.FromRedirect(response).Error);
    }
}
