using ClinikoIdP.IntegrationTests.SingleLogout;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-backchannel-rp-initiated-logout-certification-test-plan (OpenID Connect Back-Channel Logout 1.0). Notices go
/// through an outbox that the background sender empties every second; here the test empties it at once
/// (<see cref="SingleLogoutIdpFactory.DeliverDueAsync"/>). <see cref="RealClockTimingPlan"/> lets the sender do it.
/// </summary>
public class BackChannelLogoutPlan(SingleLogoutIdpFactory factory) : IClassFixture<SingleLogoutIdpFactory>
{
    [Fact]
    public async Task OidccBackchannelRpInitiatedLogout() =>
        await new BackChannelLogoutScenario(factory, factory.Receivers, factory.Clock).RunAsync(_ => factory.DeliverDueAsync());
}
