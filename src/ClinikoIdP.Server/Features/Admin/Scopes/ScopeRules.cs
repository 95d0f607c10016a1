using OidcScopes = OpenIddict.Abstractions.OpenIddictConstants.Scopes;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>What a scope's name and resources may be.</summary>
public static class ScopeRules
{
    public const int MaxNameLength = 100;
    public const int MaxResourceLength = 200;
    public const int MaxResources = 20;

    private static readonly string[] StandardScopes = [OidcScopes.OpenId, OidcScopes.Profile, OidcScopes.Email, OidcScopes.OfflineAccess, OidcScopes.Phone, OidcScopes.Address, OidcScopes.Roles];

    /// <summary>Null when the name is acceptable, otherwise why not.</summary>
    public static string? CheckName(string name)
    {
        // RFC 6749 §3.3: a scope token is printable ASCII without spaces, quotes or backslashes. A "/" would not
        // survive in the console's addresses, so the console leaves it out too.
        if (name.Length is 0 or > MaxNameLength || !name.All(IsTokenCharacter) || name.Contains('/'))
        {
            return $"Use 1 to {MaxNameLength} letters, digits or punctuation, without spaces, quotes, slashes or backslashes (e.g. patients.read).";
        }

        return StandardScopes.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"'{name}' is a standard OpenID Connect scope: it is built in, so it can't be created here."
            : null;
    }

    /// <summary>Null when the resource (an API's audience) is acceptable, otherwise why not.</summary>
    public static string? CheckResource(string resource) =>
        resource.Length > MaxResourceLength || !resource.All(IsTokenCharacter)
            ? $"'{Shorten(resource)}' is not a resource name: use up to {MaxResourceLength} characters without spaces, quotes or backslashes (e.g. patient-records-api)."
            : null;

    private static bool IsTokenCharacter(char c) => c is >= '!' and <= '~' and not '"' and not '\\';

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
