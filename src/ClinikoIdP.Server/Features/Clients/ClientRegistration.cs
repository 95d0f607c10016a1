namespace ClinikoIdP.Server.Features.Clients;

public enum ClientKind
{
    /// <summary>A server-side web app that keeps a secret (code flow + PKCE, client_secret_basic/post).</summary>
    Confidential,

    /// <summary>A browser or native app that cannot keep a secret (code flow + PKCE only).</summary>
    Public,
}

/// <summary>What an administrator asks for when registering a clinic app (from the CLI or the admin console).</summary>
public sealed record ClientRegistration
{
    public required string ClientId { get; init; }

    public ClientKind Kind { get; init; } = ClientKind.Confidential;

    /// <summary>The secret for a confidential client; null to generate one.</summary>
    public string? Secret { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>Scopes the client may ask for; interactive clients get openid, profile, email and offline_access when empty.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public bool ClientCredentials { get; init; }

    public bool RequireMfa { get; init; }

    /// <summary>Every sign-in to this client must use a passkey; a session with only an authenticator code steps up.</summary>
    public bool RequirePhishingResistant { get; init; }

    /// <summary>Third-party apps get a consent page; first-party clinic apps are trusted (implicit consent).</summary>
    public bool ThirdParty { get; init; }

    public string? BackChannelLogoutUri { get; init; }

    /// <summary>How long this client's access tokens live; null for the server's default.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>An app users sign in to (it has redirect URIs), as opposed to a machine client.</summary>
    public bool Interactive => RedirectUris.Count > 0;
}
