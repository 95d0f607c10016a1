using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>Finds the scope a console address names.</summary>
public static class ScopeLookup
{
    public static async Task<object?> FindAsync(IOpenIddictScopeManager scopes, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 3 * ScopeRules.MaxNameLength)
        {
            return null;
        }

        // The server leaves an escaped "/" (%2F) escaped in a path segment; names made on the command line may contain one.
        return await scopes.FindByNameAsync(name, cancellationToken)
            ?? (name.Contains("%2F", StringComparison.OrdinalIgnoreCase)
                ? await scopes.FindByNameAsync(name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), cancellationToken)
                : null);
    }
}
