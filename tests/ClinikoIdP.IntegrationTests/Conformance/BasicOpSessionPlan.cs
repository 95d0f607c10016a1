using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-basic-certification-test-plan, when a session suffices (OIDC Core §3.1.2.1: prompt, max_age, id_token_hint).
/// max_age waits run on the server's fake clock here; <see cref="RealClockTimingPlan"/> repeats max-age-1 on the real one.
/// </summary>
public class BasicOpSessionPlan(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(SuiteClient Suite, TestUser User, CodeFlowResult First)> SignInAsync(Browser browser)
    {
        var (suite, user) = (new SuiteClient(factory, await factory.StandardClientAsync()), await factory.StandardUserAsync());
        return (suite, user, await suite.SignInAsync(browser, suite.NewRequest(), user));
    }

    [Fact]
    public async Task OidccPromptLogin()
    {
        using var browser = factory.NewBrowser();
        var (suite, user, first) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var again = await suite.SignInAsync(browser, suite.NewRequest().With("prompt", "login"), user);

        Assert.Equal(first.IdToken.Subject, again.IdToken.Subject);
        Assert.True(again.IdToken.GetPayloadValue<long>("auth_time") >= first.IdToken.GetPayloadValue<long>("auth_time") + 5);
    }

    [Fact]
    public async Task OidccPromptNoneNotLoggedIn()
    {
        var suite = new SuiteClient(factory, await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = suite.NewRequest().With("prompt", "none");

        var response = await Journeys.AuthorizeAsync(browser, request);

        suite.AssertErrorResponse(request, response, "login_required");
    }

    [Fact]
    public async Task OidccPromptNoneLoggedIn()
    {
        using var browser = factory.NewBrowser();
        var (suite, _, first) = await SignInAsync(browser);

        var silent = await suite.AuthorizeSilentlyAsync(browser, suite.NewRequest().With("prompt", "none"));

        Assert.Equal(first.IdToken.Subject, silent.IdToken.Subject);
    }

    [Fact]
    public async Task OidccMaxAge1()
    {
        using var browser = factory.NewBrowser();
        var (suite, user, first) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));

        var again = await suite.SignInAsync(browser, suite.NewRequest().With("max_age", "1"), user);

        Assert.True(again.IdToken.GetPayloadValue<long>("auth_time") > first.IdToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task OidccMaxAge10000()
    {
        using var browser = factory.NewBrowser();
        var (suite, _, first) = await SignInAsync(browser);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));

        var silent = await suite.AuthorizeSilentlyAsync(browser, suite.NewRequest().With("max_age", "10000"));

        // OIDC Core §2: auth_time is required whenever max_age was sent.
        Assert.Equal(first.IdToken.GetPayloadValue<long>("auth_time"), silent.IdToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task OidccIdTokenHint()
    {
        using var browser = factory.NewBrowser();
        var (suite, _, first) = await SignInAsync(browser);
        var request = suite.NewRequest().With("prompt", "none").With("id_token_hint", first.Tokens.IdToken!);

        var silent = await suite.AuthorizeSilentlyAsync(browser, request);

        Assert.Equal(first.IdToken.Subject, silent.IdToken.Subject);
    }
}
