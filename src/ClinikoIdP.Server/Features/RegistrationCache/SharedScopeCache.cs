using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ClinikoIdP.Server.Data;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.RegistrationCache;

/// <summary>
/// OpenIddict's scope cache, answering look-ups by a list of names (what every token and authorization request makes)
/// from the node-wide <see cref="ScopeSnapshot"/>, as copies tracked by the request's context like rows it read.
/// Look-ups by one name, id or resource (the admin console's, before an edit) go to the database through the request's
/// context, as before.
/// </summary>
public sealed class SharedScopeCache(
    ScopeSnapshot snapshot,
    EntityCopy<OpenIddictEntityFrameworkCoreScope> copies,
    IdpDbContext db,
    IOpenIddictScopeStore<OpenIddictEntityFrameworkCoreScope> store)
    : IOpenIddictScopeCache<OpenIddictEntityFrameworkCoreScope>
{
    // Called by the scope manager after it creates or updates a scope (and its RemoveAsync before a delete or update).
    public ValueTask AddAsync(OpenIddictEntityFrameworkCoreScope scope, CancellationToken cancellationToken)
    {
        snapshot.Invalidate();
        return default;
    }

    public ValueTask RemoveAsync(OpenIddictEntityFrameworkCoreScope scope, CancellationToken cancellationToken)
    {
        snapshot.Invalidate();
        return default;
    }

    public ValueTask<OpenIddictEntityFrameworkCoreScope?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        store.FindByIdAsync(identifier, cancellationToken);

    public ValueTask<OpenIddictEntityFrameworkCoreScope?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        store.FindByNameAsync(name, cancellationToken);

    public IAsyncEnumerable<OpenIddictEntityFrameworkCoreScope> FindByResourceAsync(string resource, CancellationToken cancellationToken) =>
        store.FindByResourceAsync(resource, cancellationToken);

    public IAsyncEnumerable<OpenIddictEntityFrameworkCoreScope> FindByNamesAsync(ImmutableArray<string> names, CancellationToken cancellationToken) =>
        FindAsync(names, cancellationToken);

    private async IAsyncEnumerable<OpenIddictEntityFrameworkCoreScope> FindAsync(
        ImmutableArray<string> names, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scopes = await snapshot.GetAsync(cancellationToken);
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (scopes.TryGetValue(name, out var scope))
            {
                yield return copies.TrackedIn(db, scope, scope.Id!);
            }
            else
            {
                missing.Add(name);
            }
        }

        if (missing.Count == 0)
        {
            yield break;
        }

        // Unknown here: created a moment ago elsewhere, or not a scope at all. Only the database can tell.
        var foundAny = false;
        await foreach (var scope in store.FindByNamesAsync(missing.ToImmutable(), cancellationToken))
        {
            foundAny = true;
            yield return scope;
        }

        if (foundAny)
        {
            snapshot.Invalidate();
        }
    }
}
