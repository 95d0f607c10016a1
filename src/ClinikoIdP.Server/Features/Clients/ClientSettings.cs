namespace ClinikoIdP.Server.Features.Clients;

/// <summary>ClinikoIdP's own per-client settings, stored in OpenIddict's application settings and properties.</summary>
public static class ClientSettings
{
    /// <summary>"true" when every sign-in to this client must pass a second factor.</summary>
    public const string RequireMfa = "clinikoidp:require_mfa";

    /// <summary>"true" when every sign-in to this client must use a passkey (phishing-resistant authentication).</summary>
    public const string RequirePhishingResistant = "clinikoidp:require_phishing_resistant";

    /// <summary>The client's OIDC Back-Channel Logout URI.</summary>
    public const string BackChannelLogoutUri = "backchannel_logout_uri";

    /// <summary>An application property, <c>true</c> while an administrator has turned the client off.</summary>
    public const string Disabled = "clinikoidp:disabled";

    public const int MinimumSecretLength = 16;

    public const int MaxClientIdLength = 100;

    public const int MaxDisplayNameLength = 100;

    /// <summary>
    /// Bounds of a per-client access-token lifetime: shorter than a minute outruns clock skew between servers;
    /// longer than a day leaves a stolen bearer token usable for too long (RFC 9700 §4.10).
    /// </summary>
    public static readonly TimeSpan MinAccessTokenLifetime = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromHours(24);
}
