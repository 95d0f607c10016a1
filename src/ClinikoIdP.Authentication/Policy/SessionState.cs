namespace ClinikoIdP.Authentication.Policy;

/// <summary>How far the browser has got in authenticating, weakest first.</summary>
public enum SessionState
{
    /// <summary>No session and no partial sign-in.</summary>
    None,

    /// <summary>The password was checked; no second factor yet.</summary>
    PasswordOnly,

    /// <summary>
    /// The password was checked on a computer the user asked to remember after an earlier second factor. It stands in
    /// for the second factor only where nobody explicitly demands one.
    /// </summary>
    RememberedComputer,

    /// <summary>The password and a second factor (authenticator or backup code) were checked.</summary>
    SecondFactorPassed,

    /// <summary>A passkey was used (after the password, or on its own with user verification): phishing resistant.</summary>
    PhishingResistantPassed,
}
