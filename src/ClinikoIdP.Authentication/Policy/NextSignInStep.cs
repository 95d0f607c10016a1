namespace ClinikoIdP.Authentication.Policy;

/// <summary>What the authorization request needs before a code can be issued.</summary>
public enum NextSignInStep
{
    /// <summary>Ask for email and password.</summary>
    SignIn,

    /// <summary>Ask for a code from the user's enrolled authenticator (or a backup code).</summary>
    SecondFactor,

    /// <summary>A second factor is required but the user has none: enrol one first.</summary>
    Enrol,

    /// <summary>The session is good enough for this request.</summary>
    Satisfied,
}
