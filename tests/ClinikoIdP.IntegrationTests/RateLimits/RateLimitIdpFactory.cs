using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.RateLimits;

/// <summary>The server with small limits, so a test reaches them in a few requests. Each test uses its own addresses.</summary>
public sealed class RateLimitIdpFactory : IdpFactory
{
    public const int SignInPerAddress = 5;
    public const int SignInPerAccount = 3;
    public const int SecondFactorPerAccount = 3;
    public const int TokenPerClient = 2;

    public RateLimitIdpFactory()
        : base(TwoFactorEnforcement.Always, new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PerAddress:PermitLimit"] = SignInPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignIn:PerAccount:PermitLimit"] = SignInPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SecondFactor:PerAccount:PermitLimit"] = SecondFactorPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:Token:PerAccount:PermitLimit"] = TokenPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
    {
    }
}
