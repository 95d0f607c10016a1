namespace ClinikoIdP.Server.Features.Clients;

/// <summary>ClinikoIdP's own per-client settings, stored in OpenIddict's application settings and properties.</summary>
public static class ClientSettings
{
    /// <summary>"true" when every sign-in to this client must pass a second factor.</summary>
    public const string RequireMfa = "clinikoidp:require_mfa";

    /// <summary>The client's OIDC Back-Channel Logout URI.</summary>
    public const string BackChannelLogoutUri = "backchannel_logout_uri";

    public const int MinimumSecretLength = 16;
}
