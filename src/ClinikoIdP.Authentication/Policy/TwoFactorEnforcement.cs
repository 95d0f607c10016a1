namespace ClinikoIdP.Authentication.Policy;

/// <summary>The <c>TwoFactor:Enforcement</c> setting.</summary>
public enum TwoFactorEnforcement
{
    /// <summary>Every interactive sign-in needs a second factor; users without one enrol first.</summary>
    Always,

    /// <summary>
    /// A second factor is asked for when the user has one, the client requires MFA or the request's
    /// acr_values ask for it.
    /// </summary>
    WhenRequested,
}
