namespace ClinikoIdP.Authentication.Policy;

/// <summary>How far the browser has got in authenticating.</summary>
public enum SessionState
{
    /// <summary>No session and no partial sign-in.</summary>
    None,

    /// <summary>The password was checked; no second factor yet.</summary>
    PasswordOnly,

    /// <summary>The password and a second factor (authenticator or backup code) were checked.</summary>
    SecondFactorPassed,
}
