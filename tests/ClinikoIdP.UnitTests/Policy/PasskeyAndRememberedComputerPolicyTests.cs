using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.UnitTests.Policy;

public sealed class PasskeyAndRememberedComputerPolicyTests
{
    [Theory]
    [InlineData(SessionState.PasswordOnly, true, true, NextSignInStep.Passkey)]
    [InlineData(SessionState.RememberedComputer, true, true, NextSignInStep.Passkey)]
    [InlineData(SessionState.SecondFactorPassed, true, true, NextSignInStep.Passkey)]
    [InlineData(SessionState.PhishingResistantPassed, true, true, NextSignInStep.Satisfied)]
    [InlineData(SessionState.PasswordOnly, true, false, NextSignInStep.SecondFactor)]
    [InlineData(SessionState.PasswordOnly, false, false, NextSignInStep.Enrol)]
    [InlineData(SessionState.SecondFactorPassed, true, false, NextSignInStep.PasskeyEnrol)]
    [InlineData(SessionState.None, true, true, NextSignInStep.SignIn)]
    public void PhishingResistanceAcceptsOnlyAPasskey(SessionState session, bool hasSecondFactor, bool hasPasskey, NextSignInStep expected)
    {
        foreach (var (client, request) in new[] { (true, false), (false, true), (true, true) })
        {
            var context = Context(session, hasSecondFactor) with
            {
                HasPasskey = hasPasskey,
                ClientRequiresPhishingResistance = client,
                RequestAsksForPhishingResistance = request,
            };

            Assert.Equal(expected, SecondFactorPolicy.Decide(context));
        }
    }

    [Theory]
    [InlineData(TwoFactorEnforcement.Always)]
    [InlineData(TwoFactorEnforcement.WhenRequested)]
    public void APasskeySessionSatisfiesEveryMfaDemand(TwoFactorEnforcement enforcement)
    {
        var context = Context(SessionState.PhishingResistantPassed, hasSecondFactor: true) with
        {
            Enforcement = enforcement,
            ClientRequiresMfa = true,
            RequestAsksForMfa = true,
        };

        Assert.Equal(NextSignInStep.Satisfied, SecondFactorPolicy.Decide(context));
    }

    [Fact]
    public void ARememberedComputerSatisfiesTheClinicsBaseline()
    {
        Assert.Equal(NextSignInStep.Satisfied, SecondFactorPolicy.Decide(Context(SessionState.RememberedComputer, hasSecondFactor: true)));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void AnAppOrRequestDemandingMfaStillGetsItOnARememberedComputer(bool client, bool request)
    {
        var context = Context(SessionState.RememberedComputer, hasSecondFactor: true) with
        {
            ClientRequiresMfa = client,
            RequestAsksForMfa = request,
        };

        Assert.Equal(NextSignInStep.SecondFactor, SecondFactorPolicy.Decide(context));
    }

    [Fact]
    public void APasswordWithoutASecondFactorNeverStandsInForOne()
    {
        Assert.Equal(NextSignInStep.SecondFactor, SecondFactorPolicy.Decide(Context(SessionState.PasswordOnly, hasSecondFactor: true)));
        Assert.Equal(NextSignInStep.Enrol, SecondFactorPolicy.Decide(Context(SessionState.PasswordOnly, hasSecondFactor: false)));
    }

    private static SecondFactorContext Context(SessionState session, bool hasSecondFactor) => new()
    {
        Enforcement = TwoFactorEnforcement.Always,
        Session = session,
        HasSecondFactor = hasSecondFactor,
        ClientRequiresMfa = false,
        RequestAsksForMfa = false,
    };
}
