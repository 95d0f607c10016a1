namespace ClinikoIdP.Authentication.Policy;

/// <summary>What the authorization request needs before a code can be issued.</summary>
public enum NextSignInStep
{
    /// <summary>Ask for email and password.</summary>
    SignIn,

    /// <summary>Ask for a second factor: an authenticator code, a backup code or a passkey.</summary>
    SecondFactor,

    /// <summary>A second factor is required but the user has none: enrol one first.</summary>
    Enrol,

    /// <summary>Phishing-resistant sign-in is demanded and the user has a passkey: ask for it (nothing else will do).</summary>
    Passkey,

    /// <summary>
    /// Phishing-resistant sign-in is demanded, the user has passed a second factor but has no passkey: add one, then
    /// use it.
    /// </summary>
    PasskeyEnrol,

    /// <summary>The session is good enough for this request.</summary>
    Satisfied,
}
