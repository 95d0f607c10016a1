using System.Globalization;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// Turns a registration into what OpenIddict stores: client type, consent type, endpoint and grant permissions,
/// PKCE requirement, URIs and ClinikoIdP's own settings. Everything a registration decides is replaced; anything
/// else on the descriptor (the secret, the disabled flag) is left as it was, so an edit keeps it.
/// </summary>
public static class ClientDescriptors
{
    public static readonly string[] StandardScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess];

    private static readonly string[] DefaultInteractiveScopes = StandardScopes;

    /// <summary>The scopes the registration allows: its own list, or the standard ones for an app users sign in to.</summary>
    public static IReadOnlyList<string> AllowedScopes(ClientRegistration registration) =>
        [.. (registration.Scopes.Count > 0 ? registration.Scopes : registration.Interactive ? DefaultInteractiveScopes : [])
            .Distinct(StringComparer.Ordinal)];

    public static void Apply(OpenIddictApplicationDescriptor descriptor, ClientRegistration registration)
    {
        descriptor.ClientId = registration.ClientId;
        descriptor.DisplayName = string.IsNullOrWhiteSpace(registration.DisplayName) ? registration.ClientId : registration.DisplayName.Trim();
        descriptor.ClientType = registration.Kind == ClientKind.Public ? ClientTypes.Public : ClientTypes.Confidential;
        descriptor.ConsentType = registration.ThirdParty ? ConsentTypes.Explicit : ConsentTypes.Implicit;

        descriptor.Permissions.Clear();
        descriptor.Requirements.Clear();
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        if (registration.Kind == ClientKind.Confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (registration.Interactive)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
            descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(registration.RedirectUris.Select(u => new Uri(u)));
            descriptor.PostLogoutRedirectUris.UnionWith(registration.PostLogoutRedirectUris.Select(u => new Uri(u)));
        }

        if (registration.ClientCredentials)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        // openid needs no permission in OpenIddict: every app that signs users in may ask for it.
        foreach (var scope in AllowedScopes(registration).Where(s => s != Scopes.OpenId))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Settings.Remove(ClientSettings.RequireMfa);
        if (registration.RequireMfa)
        {
            descriptor.Settings[ClientSettings.RequireMfa] = "true";
        }

        descriptor.Settings.Remove(ClientSettings.RequirePhishingResistant);
        if (registration.RequirePhishingResistant)
        {
            descriptor.Settings[ClientSettings.RequirePhishingResistant] = "true";
        }

        descriptor.Settings.Remove(Settings.TokenLifetimes.AccessToken);
        if (registration.AccessTokenLifetime is { } lifetime)
        {
            // OpenIddict reads this setting with TimeSpan.TryParse and the invariant culture.
            descriptor.Settings[Settings.TokenLifetimes.AccessToken] = lifetime.ToString("c", CultureInfo.InvariantCulture);
        }

        descriptor.Properties.Remove(ClientSettings.BackChannelLogoutUri);
        if (registration.BackChannelLogoutUri is { } backChannel)
        {
            descriptor.Properties[ClientSettings.BackChannelLogoutUri] = JsonSerializer.SerializeToElement(backChannel);
        }
    }
}
