using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// OpenIddict's token store, except that inside a grant whose writes are deferred (<see cref="TokenRequestTransaction"/>)
/// a new or changed token row is only tracked, and the grant saves them all at once when OpenIddict has answered. So the
/// signing of the new tokens runs outside the database's one-writer section (on SQLite, the process's write turn) and
/// the redemption and the new rows reach the database in one batch and one commit.
/// </summary>
/// <remarks>
/// A redemption keeps its optimistic concurrency check: the deferred <c>UPDATE</c> still names the concurrency token the
/// grant read, so of two requests presenting the same code or refresh token at once only one commits; the other's
/// save fails as a whole, and <see cref="TokenRequestTransaction"/> answers it <c>invalid_grant</c>.
/// </remarks>
public sealed class GrantTokenStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options)
    : OpenIddictEntityFrameworkCoreTokenStore(cache, context, options)
{
    public override async ValueTask CreateAsync(OpenIddictEntityFrameworkCoreToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (await DeferringContextAsync(cancellationToken) is not { } db)
        {
            await base.CreateAsync(token, cancellationToken);
            return;
        }

        db.Add(token); // gives the row its identifier now (a GUID string generated on add), as the token needs it
    }

    public override async ValueTask UpdateAsync(OpenIddictEntityFrameworkCoreToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (await DeferringContextAsync(cancellationToken) is not { } db)
        {
            await base.UpdateAsync(token, cancellationToken);
            return;
        }

        var entry = db.Entry(token);
        if (entry.State == EntityState.Added)
        {
            return; // not in the database yet: the INSERT will carry the changes
        }

        if (entry.State == EntityState.Detached)
        {
            db.Attach(token);
        }

        // As the base store does: a new concurrency token, while the UPDATE's WHERE keeps the one that was read.
        token.ConcurrencyToken = Guid.NewGuid().ToString();
        entry.State = EntityState.Modified;
    }

    /// <summary>The store's context when the unit of work on it defers its writes, otherwise null.</summary>
    private async ValueTask<DbContext?> DeferringContextAsync(CancellationToken cancellationToken)
    {
        var db = await Context.GetDbContextAsync(cancellationToken);
        return FirstWriteTransaction.DefersWritesOf(db) ? db : null;
    }
}
