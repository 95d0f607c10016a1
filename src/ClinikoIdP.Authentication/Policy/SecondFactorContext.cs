namespace ClinikoIdP.Authentication.Policy;

/// <summary>
/// The facts <see cref="SecondFactorPolicy"/> decides on. Every property is required so that the
/// three flags cannot be passed in the wrong order.
/// </summary>
public sealed record SecondFactorContext
{
    public required TwoFactorEnforcement Enforcement { get; init; }

    public required SessionState Session { get; init; }

    /// <summary>The user has an authenticator enrolled and enabled.</summary>
    public required bool HasSecondFactor { get; init; }

    /// <summary>The client is registered with "require MFA".</summary>
    public required bool ClientRequiresMfa { get; init; }

    /// <summary>The request's acr_values ask for MFA; see <see cref="Acr.AsksForMfa"/>.</summary>
    public required bool RequestAsksForMfa { get; init; }
}
