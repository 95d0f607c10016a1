using OpenIddict.Abstractions;
using OidcScopes = OpenIddict.Abstractions.OpenIddictConstants.Scopes;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>One tick box of the "allowed scopes" list: a standard sign-in scope or an API scope from the scope manager.</summary>
public sealed record ScopeChoice(string Name, string Label, string? Detail, bool Standard)
{
    public static async Task<IReadOnlyList<ScopeChoice>> LoadAsync(IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        var choices = new List<ScopeChoice>
        {
            new(OidcScopes.Profile, "Name", "The user's name in the id token and userinfo.", Standard: true),
            new(OidcScopes.Email, "Email address", "The user's email address.", Standard: true),
            new(OidcScopes.OfflineAccess, "Stay signed in", "Refresh tokens, so the app renews access without sending the user back here.", Standard: true),
        };

        var apis = new List<ScopeChoice>();
        await foreach (var scope in scopes.ListAsync(cancellationToken: cancellationToken))
        {
            var name = await scopes.GetNameAsync(scope, cancellationToken) ?? "";
            var resources = await scopes.GetResourcesAsync(scope, cancellationToken);
            apis.Add(new(name, await scopes.GetDisplayNameAsync(scope, cancellationToken) ?? name,
                resources.IsDefaultOrEmpty ? null : "Access tokens for " + string.Join(", ", resources), Standard: false));
        }

        return [.. choices, .. apis.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }
}
