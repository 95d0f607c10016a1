using ClinikoIdP.Server.Data;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.RegistrationCache;

/// <summary>
/// OpenIddict's application cache, answering look-ups by client_id from the node-wide <see cref="ClientSnapshots"/>.
/// Within one request the same client is the same instance, as with OpenIddict's own cache; across requests each gets
/// its own copy, tracked by its context like a row it read. The first look-up of a client, and look-ups by id or redirect URI, read the database through the
/// request's context as before. OpenIddict's manager calls <see cref="AddAsync"/> and <see cref="RemoveAsync"/> when a
/// client is created, changed or deleted: every node-wide entry is dropped then.
/// </summary>
public sealed class SharedClientCache(
    ClientSnapshots snapshots,
    EntityCopy<OpenIddictEntityFrameworkCoreApplication> copies,
    IdpDbContext db,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>
{
    private readonly Dictionary<string, OpenIddictEntityFrameworkCoreApplication> thisRequest = new(StringComparer.Ordinal);

    public ValueTask AddAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        Changed();
        return default;
    }

    public ValueTask RemoveAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        Changed();
        return default;
    }

    public async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (thisRequest.TryGetValue(identifier, out var seen))
        {
            return seen;
        }

        if (snapshots.Find(identifier) is { } shared)
        {
            return thisRequest[identifier] = copies.TrackedIn(db, shared, shared.Id!);
        }

        var version = snapshots.Version;
        var application = await store.FindByClientIdAsync(identifier, cancellationToken);
        if (application is not null)
        {
            snapshots.Keep(identifier, copies.Copy(application), version);
            thisRequest[identifier] = application;
        }

        return application;
    }

    public ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        store.FindByIdAsync(identifier, cancellationToken);

    public IAsyncEnumerable<OpenIddictEntityFrameworkCoreApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        store.FindByPostLogoutRedirectUriAsync(uri, cancellationToken);

    public IAsyncEnumerable<OpenIddictEntityFrameworkCoreApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        store.FindByRedirectUriAsync(uri, cancellationToken);

    private void Changed()
    {
        thisRequest.Clear();
        snapshots.Invalidate();
    }
}
