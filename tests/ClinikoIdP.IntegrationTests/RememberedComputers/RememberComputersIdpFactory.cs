using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>
/// The product's default policy (everyone passes a second factor) with remembering computers allowed for 30 days by
/// configuration (the console can still turn it off).
/// </summary>
public sealed class RememberComputersIdpFactory : IdpFactory
{
    public RememberComputersIdpFactory()
        : base(TwoFactorEnforcement.Always, new Dictionary<string, string?> { ["RememberComputers:Enabled"] = "true" })
    {
    }
}
