using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// The server with the product's default policy, <c>TwoFactor:Enforcement=Always</c>: every interactive sign-in passes
/// a second factor, and a user without one enrols right after the password. One per test class.
/// </summary>
public sealed class AlwaysTwoFactorIdpFactory : IdpFactory
{
    public AlwaysTwoFactorIdpFactory()
        : base(TwoFactorEnforcement.Always)
    {
    }
}
