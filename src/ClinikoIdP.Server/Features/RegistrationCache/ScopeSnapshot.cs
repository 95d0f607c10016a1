using System.Collections.Frozen;
using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.RegistrationCache;

/// <summary>
/// Every registered scope, read from the database at most once per <see cref="Lifetime"/> and shared by all requests
/// of this node. Each token request checks its scopes and lists their resources; OpenIddict's own cache lives for one
/// request, so without this every token request paid two database queries for a table that changes when an
/// administrator edits it. A change through this node applies at once (<see cref="Invalidate"/>), one made elsewhere
/// when <see cref="RegistrationWatcher"/> sees it, and a scope created elsewhere is found at once (a name missing here
/// is looked up in the database).
/// </summary>
public sealed class ScopeSnapshot(IDbContextFactory<IdpDbContext> contexts, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim loading = new(1, 1);
    private Loaded? current;
    private long version;

    public void Invalidate() => Interlocked.Increment(ref version);

    public void Dispose() => loading.Dispose();

    public async ValueTask<FrozenDictionary<string, OpenIddictEntityFrameworkCoreScope>> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref current)) is { } scopes)
        {
            return scopes;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current) is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            // Read the version first: an invalidation during the query leaves this snapshot stale at once.
            var loadingVersion = Interlocked.Read(ref version);
            var started = clock.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var all = await db.Set<OpenIddictEntityFrameworkCoreScope>().AsNoTracking().ToListAsync(cancellationToken);
            var loaded = new Loaded(
                loadingVersion,
                started + Lifetime,
                all.Where(scope => scope.Name is not null).ToFrozenDictionary(scope => scope.Name!, StringComparer.Ordinal));
            Volatile.Write(ref current, loaded);
            return loaded.Scopes;
        }
        finally
        {
            loading.Release();
        }
    }

    private FrozenDictionary<string, OpenIddictEntityFrameworkCoreScope>? Fresh(Loaded? loaded) =>
        loaded is not null && loaded.Version == Interlocked.Read(ref version) && clock.GetUtcNow() < loaded.Expires
            ? loaded.Scopes
            : null;

    private sealed record Loaded(long Version, DateTimeOffset Expires, FrozenDictionary<string, OpenIddictEntityFrameworkCoreScope> Scopes);
}
