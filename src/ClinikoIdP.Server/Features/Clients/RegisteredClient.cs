using System.Globalization;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>A registered client as an administrator reads it: the registration it was made from, and whether it is on.</summary>
public sealed record RegisteredClient(ClientRegistration Registration, bool Enabled)
{
    public string ClientId => Registration.ClientId;

    public string DisplayName => Registration.DisplayName ?? Registration.ClientId;

    public static async Task<RegisteredClient> ReadAsync(
        IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var settings = await applications.GetSettingsAsync(application, cancellationToken);
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var interactive = permissions.Contains(Permissions.GrantTypes.AuthorizationCode);

        var scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]);
        var registration = new ClientRegistration
        {
            ClientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "",
            DisplayName = await applications.GetDisplayNameAsync(application, cancellationToken),
            Kind = await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken) ? ClientKind.Public : ClientKind.Confidential,
            RedirectUris = [.. await applications.GetRedirectUrisAsync(application, cancellationToken)],
            PostLogoutRedirectUris = [.. await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)],
            Scopes = [.. (interactive ? [Scopes.OpenId] : Array.Empty<string>()).Concat(scopes.OrderBy(Rank).ThenBy(s => s, StringComparer.Ordinal))],
            ClientCredentials = permissions.Contains(Permissions.GrantTypes.ClientCredentials),
            RequireMfa = settings.TryGetValue(ClientSettings.RequireMfa, out var mfa) && mfa == "true",
            RequirePhishingResistant = settings.TryGetValue(ClientSettings.RequirePhishingResistant, out var phr) && phr == "true",
            ThirdParty = await applications.HasConsentTypeAsync(application, ConsentTypes.Explicit, cancellationToken),
            BackChannelLogoutUri = properties.TryGetValue(ClientSettings.BackChannelLogoutUri, out var backChannel)
                && backChannel.ValueKind == JsonValueKind.String ? backChannel.GetString() : null,
            AccessTokenLifetime = settings.TryGetValue(Settings.TokenLifetimes.AccessToken, out var lifetime)
                && TimeSpan.TryParse(lifetime, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        };
        return new RegisteredClient(registration, !IsDisabled(properties));
    }

    // The sign-in scopes first, in the order an app usually asks for them, then the API scopes.
    private static int Rank(string scope) => Array.IndexOf(ClientDescriptors.StandardScopes, scope) is var index and >= 0 ? index : int.MaxValue;

    public static bool IsDisabled(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(ClientSettings.Disabled, out var disabled) && disabled.ValueKind == JsonValueKind.True;
}
