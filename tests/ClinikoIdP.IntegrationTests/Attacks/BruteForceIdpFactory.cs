using System.Globalization;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// The default two-factor policy with a small per-address limit on second-factor codes (the account limit stays out of
/// the way), so a test sees codes sprayed across accounts from one address refused after a few tries.
/// </summary>
public sealed class BruteForceIdpFactory : IdpFactory
{
    public const int SecondFactorPerAddress = 6;

    public BruteForceIdpFactory()
        : base(TwoFactorEnforcement.Always, new Dictionary<string, string?>
        {
            ["RateLimits:SecondFactor:PerAddress:PermitLimit"] = SecondFactorPerAddress.ToString(CultureInfo.InvariantCulture),
        })
    {
    }
}
