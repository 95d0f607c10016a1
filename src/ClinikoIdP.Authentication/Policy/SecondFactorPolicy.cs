namespace ClinikoIdP.Authentication.Policy;

/// <summary>Decides whether a sign-in needs a password, a second factor, enrolment, a passkey or nothing more.</summary>
public static class SecondFactorPolicy
{
    public static NextSignInStep Decide(SecondFactorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Session == SessionState.None)
        {
            return NextSignInStep.SignIn;
        }

        if (context.ClientRequiresPhishingResistance || context.RequestAsksForPhishingResistance)
        {
            return DecidePhishingResistant(context);
        }

        return context.Session switch
        {
            SessionState.PhishingResistantPassed or SessionState.SecondFactorPassed => NextSignInStep.Satisfied,
            SessionState.RememberedComputer => DecideOnRememberedComputer(context),
            SessionState.PasswordOnly => DecideAfterPassword(context),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Session, "Unknown session state."),
        };
    }

    private static NextSignInStep DecidePhishingResistant(SecondFactorContext context)
    {
        if (context.Session == SessionState.PhishingResistantPassed)
        {
            return NextSignInStep.Satisfied;
        }

        if (context.HasPasskey)
        {
            return NextSignInStep.Passkey;
        }

        // Adding a passkey is itself guarded by a second factor: a password alone never binds a new authenticator.
        if (context.Session == SessionState.SecondFactorPassed)
        {
            return NextSignInStep.PasskeyEnrol;
        }

        return context.HasSecondFactor ? NextSignInStep.SecondFactor : NextSignInStep.Enrol;
    }

    private static NextSignInStep DecideOnRememberedComputer(SecondFactorContext context)
    {
        // A remembered computer stands in for the clinic's baseline only; an app or request that demands a second
        // factor gets one asked for, at this computer too.
        if (!(context.ClientRequiresMfa || context.RequestAsksForMfa))
        {
            return NextSignInStep.Satisfied;
        }

        return context.HasSecondFactor ? NextSignInStep.SecondFactor : NextSignInStep.Enrol;
    }

    private static NextSignInStep DecideAfterPassword(SecondFactorContext context)
    {
        // A user who enrolled an authenticator chose to use it, so it is asked for even where the
        // policy is relaxed; otherwise enrolling would add nothing to that account's protection.
        var secondFactorNeeded = context.Enforcement switch
        {
            TwoFactorEnforcement.Always => true,
            TwoFactorEnforcement.WhenRequested =>
                context.HasSecondFactor || context.ClientRequiresMfa || context.RequestAsksForMfa,
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Enforcement, "Unknown enforcement."),
        };

        if (!secondFactorNeeded)
        {
            return NextSignInStep.Satisfied;
        }

        return context.HasSecondFactor ? NextSignInStep.SecondFactor : NextSignInStep.Enrol;
    }
}
