namespace ClinikoIdP.Authentication.Policy;

/// <summary>
/// The facts <see cref="SecondFactorPolicy"/> decides on. The original flags are required so that they cannot be
/// passed in the wrong order; the phishing-resistance facts default to "not asked, not held".
/// </summary>
public sealed record SecondFactorContext
{
    public required TwoFactorEnforcement Enforcement { get; init; }

    public required SessionState Session { get; init; }

    /// <summary>The user has a second factor: an authenticator enrolled and enabled, or at least one passkey.</summary>
    public required bool HasSecondFactor { get; init; }

    /// <summary>The client is registered with "require MFA".</summary>
    public required bool ClientRequiresMfa { get; init; }

    /// <summary>The request's acr_values ask for MFA; see <see cref="Acr.AsksForMfa"/>.</summary>
    public required bool RequestAsksForMfa { get; init; }

    /// <summary>The user has at least one passkey.</summary>
    public bool HasPasskey { get; init; }

    /// <summary>The client is registered with "require phishing-resistant sign-in".</summary>
    public bool ClientRequiresPhishingResistance { get; init; }

    /// <summary>The request's acr_values ask for phishing resistance; see <see cref="Acr.AsksForPhishingResistance"/>.</summary>
    public bool RequestAsksForPhishingResistance { get; init; }
}
