using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.RateLimits;

/// <summary>One attempt per account every three seconds: the limiter reads the real clock, so the test of the reset waits.</summary>
public sealed class ShortWindowIdpFactory : IdpFactory
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    public ShortWindowIdpFactory()
        : base(TwoFactorEnforcement.WhenRequested, new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PerAccount:PermitLimit"] = "1",
            ["RateLimits:SignIn:PerAccount:Window"] = Window.ToString(),
        })
    {
    }
}
