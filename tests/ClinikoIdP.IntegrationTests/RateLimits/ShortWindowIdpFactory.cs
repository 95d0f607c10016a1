using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.RateLimits;

/// <summary>One-second windows: the limiter reads the real clock, so a test of the reset waits a moment.</summary>
public sealed class ShortWindowIdpFactory : IdpFactory
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public ShortWindowIdpFactory()
        : base(TwoFactorEnforcement.WhenRequested, new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PerAccount:PermitLimit"] = "2",
            ["RateLimits:SignIn:PerAccount:Window"] = Window.ToString(),
        })
    {
    }
}
