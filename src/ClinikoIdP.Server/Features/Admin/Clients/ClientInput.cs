using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Features.Clients;
using OidcScopes = OpenIddict.Abstractions.OpenIddictConstants.Scopes;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>The register/edit form as posted: URIs one per line, scopes as ticked boxes, the lifetime in minutes.</summary>
public sealed class ClientInput
{
    public const int MaxUrisLength = 10_000;
    public const int MaxUrisPerList = 20;
    public const int MaxLifetimeMinutes = 24 * 60;

    [Required(ErrorMessage = "Give the app a name.")]
    [StringLength(ClientSettings.MaxDisplayNameLength, ErrorMessage = "Use at most 100 characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [StringLength(ClientSettings.MaxClientIdLength, ErrorMessage = "Use at most 100 characters.")]
    [Display(Name = "Client id")]
    public string? ClientId { get; set; }

    public ClientType Type { get; set; } = ClientType.WebApp;

    [StringLength(MaxUrisLength, ErrorMessage = "That is too long for a list of redirect URIs.")]
    [Display(Name = "Redirect URIs")]
    public string? RedirectUris { get; set; }

    [StringLength(MaxUrisLength, ErrorMessage = "That is too long for a list of URIs.")]
    [Display(Name = "Post-logout redirect URIs")]
    public string? PostLogoutRedirectUris { get; set; }

    [StringLength(RedirectUriRules.MaxLength, ErrorMessage = "That URI is too long.")]
    [Display(Name = "Back-channel logout URI")]
    public string? BackChannelLogoutUri { get; set; }

    public List<string> Scopes { get; set; } = [];

    [Display(Name = "Require two-step verification for every sign-in to this app")]
    public bool RequireMfa { get; set; }

    [Display(Name = "Require phishing-resistant sign-in (passkey) for every sign-in to this app")]
    public bool RequirePhishingResistant { get; set; }

    public bool ThirdParty { get; set; }

    [Range(1, MaxLifetimeMinutes, ErrorMessage = "Enter a number of minutes from 1 to 1440 (24 hours), or leave it empty.")]
    [Display(Name = "Access-token lifetime (minutes)")]
    public int? AccessTokenLifetimeMinutes { get; set; }

    /// <summary>A new web app's defaults: the sign-in scopes the command line also gives.</summary>
    public static ClientInput ForNewApp() => new() { Scopes = [OidcScopes.Profile, OidcScopes.Email, OidcScopes.OfflineAccess] };

    public static ClientInput From(RegisteredClient client) => new()
    {
        DisplayName = client.DisplayName,
        ClientId = client.ClientId,
        Type = ClientTypeNames.Of(client.Registration),
        RedirectUris = string.Join('\n', client.Registration.RedirectUris),
        PostLogoutRedirectUris = string.Join('\n', client.Registration.PostLogoutRedirectUris),
        BackChannelLogoutUri = client.Registration.BackChannelLogoutUri,
        Scopes = [.. client.Registration.Scopes],
        RequireMfa = client.Registration.RequireMfa,
        RequirePhishingResistant = client.Registration.RequirePhishingResistant,
        ThirdParty = client.Registration.ThirdParty,
        AccessTokenLifetimeMinutes = client.Registration.AccessTokenLifetime is { } lifetime ? (int)lifetime.TotalMinutes : null,
    };

    /// <summary>The non-empty lines of a textarea with their 1-based line numbers, for errors that name the line.</summary>
    public static IReadOnlyList<(int Line, string Value)> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select((value, index) => (Line: index + 1, Value: value.Trim())).Where(l => l.Value.Length > 0)];

    /// <summary>
    /// The registration this form asks for. A machine-to-machine app has no user, so the user-facing choices (sign-in
    /// scopes, MFA, consent) do not apply to it and are dropped; typed URIs are not dropped but refused by the page.
    /// </summary>
    public ClientRegistration ToRegistration(string clientId)
    {
        var interactive = Type != ClientType.MachineToMachine;
        var scopes = Scopes.Where(s => interactive || !ClientDescriptors.StandardScopes.Contains(s));
        return new ClientRegistration
        {
            ClientId = clientId,
            Kind = Type == ClientType.PublicApp ? ClientKind.Public : ClientKind.Confidential,
            DisplayName = DisplayName.Trim(),
            RedirectUris = interactive ? [.. Lines(RedirectUris).Select(l => l.Value)] : [],
            PostLogoutRedirectUris = interactive ? [.. Lines(PostLogoutRedirectUris).Select(l => l.Value)] : [],
            BackChannelLogoutUri = interactive && !string.IsNullOrWhiteSpace(BackChannelLogoutUri) ? BackChannelLogoutUri.Trim() : null,
            Scopes = [.. (interactive ? [OidcScopes.OpenId] : Array.Empty<string>()).Concat(scopes).Distinct(StringComparer.Ordinal)],
            ClientCredentials = !interactive,
            RequireMfa = interactive && RequireMfa,
            RequirePhishingResistant = interactive && RequirePhishingResistant,
            ThirdParty = interactive && ThirdParty,
            AccessTokenLifetime = AccessTokenLifetimeMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
        };
    }
}
