using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-codereuse and oidcc-codereuse-30seconds (RFC 6749 §4.1.2, OIDC Core §3.1.3.2): a second redemption of a code
/// gets invalid_grant and revokes the tokens of the first. Codes live 60 s here, so the 30-second module exercises
/// reuse detection, not expiry. The wait runs on the fake clock; <see cref="RealClockTimingPlan"/> waits for real.
/// </summary>
public class CodeReusePlan(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task OidccCodeReuse() => await AssertReuseRefusedAndRevokesAsync(wait: TimeSpan.Zero);

    [Fact]
    public async Task OidccCodeReuse30Seconds() => await AssertReuseRefusedAndRevokesAsync(wait: TimeSpan.FromSeconds(30));

    private async Task AssertReuseRefusedAndRevokesAsync(TimeSpan wait)
    {
        var suite = new SuiteClient(factory, await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var first = await suite.SignInAsync(browser, suite.NewRequest("openid offline_access"), await factory.StandardUserAsync());
        factory.Clock.Advance(wait);

        await CodeReuse.AssertRefusedAndRevokedAsync(suite, first);
    }
}
