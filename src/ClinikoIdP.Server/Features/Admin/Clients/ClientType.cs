using ClinikoIdP.Server.Features.Clients;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>The three kinds of app an administrator chooses between in the console.</summary>
public enum ClientType
{
    /// <summary>A server-side web app: authorization code + PKCE + refresh tokens, with a secret.</summary>
    WebApp,

    /// <summary>A browser or mobile app that cannot keep a secret: authorization code + PKCE only.</summary>
    PublicApp,

    /// <summary>A program calling an API as itself: client credentials only, with a secret, no users.</summary>
    MachineToMachine,
}

public static class ClientTypeNames
{
    public static ClientType Of(ClientRegistration registration) =>
        registration.Kind == ClientKind.Public ? ClientType.PublicApp
        : registration.Interactive ? ClientType.WebApp
        : ClientType.MachineToMachine;

    public static string Label(ClientType type) => type switch
    {
        ClientType.WebApp => "Web app",
        ClientType.PublicApp => "Public app",
        _ => "Machine-to-machine",
    };

    public static bool HasSecret(ClientType type) => type != ClientType.PublicApp;

    /// <summary>The value of the list page's <c>type</c> filter.</summary>
    public static string Slug(ClientType type) => type switch
    {
        ClientType.WebApp => "web",
        ClientType.PublicApp => "public",
        _ => "machine",
    };
}
