using System.Diagnostics;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// The conformance modules that wait, run once each on the real clock (the other variants move the fake clock).
/// Both waits are kept short so the suite stays fast; docs/conformance.md explains why each is enough.
/// </summary>
public class RealClockTimingPlan(RealClockIdpFactory factory) : IClassFixture<RealClockIdpFactory>
{
    /// <summary>Just over max_age=1, as the suite waits.</summary>
    private static readonly TimeSpan BeyondOneSecond = TimeSpan.FromMilliseconds(1100);

    /// <summary>
    /// A reduced but real wait between the two redemptions: reuse is detected from the code's stored state, not from
    /// a timer, and every lifetime rule reads the injected clock, which <see cref="CodeReusePlan"/> moves by the full 30 s.
    /// </summary>
    private static readonly TimeSpan CodeReuseWait = TimeSpan.FromSeconds(2);

    /// <summary>How long the notices may take: the sender polls every second (IdP:BackChannelLogoutPollInterval).</summary>
    private static readonly TimeSpan BackChannelDeadline = TimeSpan.FromSeconds(10);

    private async Task<(SuiteClient Suite, TestUser User)> ArrangeAsync() =>
        (new SuiteClient(factory, await factory.StandardClientAsync(), TimeProvider.System), await factory.StandardUserAsync());

    [Fact]
    public async Task OidccMaxAge1WithRealClock()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var first = await suite.SignInAsync(browser, suite.NewRequest(), user);

        await Task.Delay(BeyondOneSecond);
        var again = await suite.SignInAsync(browser, suite.NewRequest().With("max_age", "1"), user);

        Assert.True(again.IdToken.GetPayloadValue<long>("auth_time") > first.IdToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task OidccCodeReuse30SecondsWithRealClock()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var first = await suite.SignInAsync(browser, suite.NewRequest("openid offline_access"), user);

        await Task.Delay(CodeReuseWait);

        await CodeReuse.AssertRefusedAndRevokedAsync(suite, first);
    }

    [Fact]
    public async Task OidccBackchannelRpInitiatedLogoutWithRealClock()
    {
        var scenario = new BackChannelLogoutScenario(factory, factory.Receivers, TimeProvider.System);

        await scenario.RunAsync(async uris =>
        {
            var waited = Stopwatch.StartNew();
            while (!scenario.AllReceived(uris) && waited.Elapsed < BackChannelDeadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        });
    }
}
