namespace ClinikoIdP.Authentication.Policy;

/// <summary>Decides whether a sign-in needs a password, a second factor, enrolment or nothing more.</summary>
public static class SecondFactorPolicy
{
    public static NextSignInStep Decide(SecondFactorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Session switch
        {
            SessionState.None => NextSignInStep.SignIn,
            SessionState.SecondFactorPassed => NextSignInStep.Satisfied,
            SessionState.PasswordOnly => DecideAfterPassword(context),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Session, "Unknown session state."),
        };
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
