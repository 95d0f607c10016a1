using System.Security.Cryptography;
using System.Text;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.RegistrationCache;

/// <summary>
/// Every <see cref="IdpOptions.RegistrationRefreshInterval"/>, reads which clients and scopes exist and their
/// concurrency tokens (OpenIddict gives a row a new one on every change) and drops this node's cached registrations
/// when anything differs: a client turned off, a secret rotated or a scope edited on another node, or with the command
/// line, applies here within the interval.
/// </summary>
public sealed class RegistrationWatcher(
    IDbContextFactory<IdpDbContext> contexts,
    ClientSnapshots clients,
    ScopeSnapshot scopes,
    IOptions<IdpOptions> options,
    ILogger<RegistrationWatcher> logger)
    : PeriodicDatabaseWork
{
    private string? lastSeen;

    protected override TimeSpan Interval => options.Value.RegistrationRefreshInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    protected override void OnDatabaseUnavailable(Exception unreachable) => Log.RegistrationCheckFailed(logger, unreachable.GetType().Name);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        // The first round drops the caches too: what they took before it may predate a change nobody has compared yet.
        var seen = await FingerprintAsync(cancellationToken);
        if (seen != lastSeen)
        {
            clients.Invalidate();
            scopes.Invalidate();
        }

        lastSeen = seen;
    }

    private async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clientRows = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Select(client => client.Id + " " + client.ConcurrencyToken).ToListAsync(cancellationToken);
        var scopeRows = await db.Set<OpenIddictEntityFrameworkCoreScope>().AsNoTracking()
            .Select(scope => scope.Id + " " + scope.ConcurrencyToken).ToListAsync(cancellationToken);
        var all = string.Join('\n', clientRows.Order(StringComparer.Ordinal)) + "\n\n" + string.Join('\n', scopeRows.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all)));
    }
}
