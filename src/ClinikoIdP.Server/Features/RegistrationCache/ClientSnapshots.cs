using System.Collections.Concurrent;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.RegistrationCache;

/// <summary>
/// The registered clients this node has looked up recently, by client_id, shared by all requests. Every token request
/// looks its client up several times (identity, secret, type, permissions, turned off or not); OpenIddict's own cache
/// lives for one request, so without this each token request started with a database query. An entry is used until
/// <see cref="Invalidate"/> (a change through this node, or one <see cref="RegistrationWatcher"/> saw in the database)
/// and for at most <see cref="Lifetime"/>.
/// </summary>
public sealed class ClientSnapshots(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Far more apps than a clinic group registers; past it, look-ups go to the database as before.</summary>
    private const int MaximumEntries = 1_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long version;

    /// <summary>Read before a database look-up and passed to <see cref="Keep"/>, so a change meanwhile is not papered over.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        entries.Clear();
    }

    /// <summary>The shared, untracked instance: callers hand out copies of it, never the instance itself.</summary>
    public OpenIddictEntityFrameworkCoreApplication? Find(string clientId) =>
        entries.TryGetValue(clientId, out var entry) && entry.Version == Version && clock.GetUtcNow() < entry.Expires
            ? entry.Client
            : null;

    public void Keep(string clientId, OpenIddictEntityFrameworkCoreApplication untrackedCopy, long versionBeforeLookUp)
    {
        if (versionBeforeLookUp == Version && (entries.Count < MaximumEntries || entries.ContainsKey(clientId)))
        {
            entries[clientId] = new Entry(versionBeforeLookUp, clock.GetUtcNow() + Lifetime, untrackedCopy);
        }
    }

    private sealed record Entry(long Version, DateTimeOffset Expires, OpenIddictEntityFrameworkCoreApplication Client);
}
