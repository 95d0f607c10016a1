using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>An app allowed a scope, as the scope pages name it.</summary>
public sealed record ScopeUser(string ClientId, string DisplayName);

/// <summary>Which apps are allowed which scopes (an application permission <c>scp:NAME</c>).</summary>
public static class ScopeUsage
{
    public static async Task<ILookup<string, ScopeUser>> ByScopeAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var pairs = new List<(string Scope, ScopeUser User)>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "";
            var user = new ScopeUser(clientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId);
            foreach (var permission in await applications.GetPermissionsAsync(application, cancellationToken))
            {
                if (permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                {
                    pairs.Add((permission[Permissions.Prefixes.Scope.Length..], user));
                }
            }
        }

        return pairs.OrderBy(p => p.User.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToLookup(p => p.Scope, p => p.User, StringComparer.Ordinal);
    }

    public static async Task<IReadOnlyList<ScopeUser>> ClientsAllowedAsync(
        IOpenIddictApplicationManager applications, string scope, CancellationToken cancellationToken) =>
        [.. (await ByScopeAsync(applications, cancellationToken))[scope]];

    /// <summary>"Appointments (clinic-appointments), Billing (clinic-billing)".</summary>
    public static string Names(IEnumerable<ScopeUser> users) => string.Join(", ", users.Select(u => $"{u.DisplayName} ({u.ClientId})"));
}
