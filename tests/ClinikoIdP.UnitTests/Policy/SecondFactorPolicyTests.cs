using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.UnitTests.Policy;

public class SecondFactorPolicyTests
{
    /// <summary>
    /// Every combination: enforcement, session, has a second factor, client requires MFA, request asks
    /// for MFA, and the step expected.
    /// </summary>
    public static TheoryData<TwoFactorEnforcement, SessionState, bool, bool, bool, NextSignInStep> Decisions => new()
    {
        { TwoFactorEnforcement.Always, SessionState.None, false, false, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, false, false, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, false, true, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, false, true, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, true, false, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, true, false, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, true, true, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.None, true, true, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, false, false, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, false, false, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, false, true, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, false, true, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, true, false, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, true, false, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, true, true, false, NextSignInStep.SignIn },
        { TwoFactorEnforcement.WhenRequested, SessionState.None, true, true, true, NextSignInStep.SignIn },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, false, false, false, NextSignInStep.Enrol },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, false, false, true, NextSignInStep.Enrol },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, false, true, false, NextSignInStep.Enrol },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, false, true, true, NextSignInStep.Enrol },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, true, false, false, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, true, false, true, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, true, true, false, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.Always, SessionState.PasswordOnly, true, true, true, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, false, false, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, false, false, true, NextSignInStep.Enrol },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, false, true, false, NextSignInStep.Enrol },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, false, true, true, NextSignInStep.Enrol },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, true, false, false, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, true, false, true, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, true, true, false, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.WhenRequested, SessionState.PasswordOnly, true, true, true, NextSignInStep.SecondFactor },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, false, false, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, false, false, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, false, true, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, false, true, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, true, false, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, true, false, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, true, true, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.Always, SessionState.SecondFactorPassed, true, true, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, false, false, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, false, false, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, false, true, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, false, true, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, true, false, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, true, false, true, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, true, true, false, NextSignInStep.Satisfied },
        { TwoFactorEnforcement.WhenRequested, SessionState.SecondFactorPassed, true, true, true, NextSignInStep.Satisfied },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void DecidesNextStep(
        TwoFactorEnforcement enforcement,
        SessionState session,
        bool hasSecondFactor,
        bool clientRequiresMfa,
        bool requestAsksForMfa,
        NextSignInStep expected)
    {
        var context = new SecondFactorContext
        {
            Enforcement = enforcement,
            Session = session,
            HasSecondFactor = hasSecondFactor,
            ClientRequiresMfa = clientRequiresMfa,
            RequestAsksForMfa = requestAsksForMfa,
        };

        Assert.Equal(expected, SecondFactorPolicy.Decide(context));
    }

    [Fact]
    public void DecisionTableCoversEveryCombinationOnce()
    {
        var combinations = Decisions
            .Select(row => string.Join(',', row.Take(5)))
            .ToList();

        Assert.Equal(2 * 3 * 2 * 2 * 2, combinations.Count);
        Assert.Equal(combinations.Count, combinations.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RefusesUnknownSessionState()
    {
        var context = new SecondFactorContext
        {
            Enforcement = TwoFactorEnforcement.Always,
            Session = (SessionState)42,
            HasSecondFactor = true,
            ClientRequiresMfa = false,
            RequestAsksForMfa = false,
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => SecondFactorPolicy.Decide(context));
    }
}
