using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Pruning;

/// <summary>
/// Every <see cref="PruningOptions.PruneInterval"/>, deletes the token and authorization rows that can no longer be
/// used (expired, redeemed, revoked, or ad-hoc authorizations left without tokens) through OpenIddict's own pruning,
/// so the tables the token endpoint writes do not grow without end. OpenIddict never deletes a row created after the
/// threshold, nor a valid, unexpired one. The record of used client assertions loses the ones that have expired (an
/// expired assertion is refused anyway). A database outage costs one round; the next tick tries again.
/// </summary>
public sealed class SpentTokenPruner(
    IServiceScopeFactory scopes,
    IOptions<PruningOptions> pruning,
    IOptions<IdpOptions> idp,
    TimeProvider time,
    ILogger<SpentTokenPruner> logger) : PeriodicDatabaseWork
{
    protected override TimeSpan Interval => pruning.Value.PruneInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PruneAsync(cancellationToken);

    protected override void OnDatabaseUnavailable(Exception unreachable) => Log.PruningFailed(logger, unreachable.GetType().Name);

    /// <summary>The oldest creation time a spent row may have and still be kept.</summary>
    public DateTimeOffset Threshold =>
        time.GetUtcNow() - (pruning.Value.PruneAfter > idp.Value.RefreshTokenLifetime ? pruning.Value.PruneAfter : idp.Value.RefreshTokenLifetime);

    public async Task<(long Tokens, long Authorizations, long AssertionUses)> PruneAsync(CancellationToken cancellationToken)
    {
        var threshold = Threshold;
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>()
            .PruneAsync(threshold, cancellationToken);
        var now = time.GetUtcNow();
        var assertionUses = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().ClientAssertionUses
            .Where(use => use.ExpiresAt < now)
            .ExecuteDeleteAsync(cancellationToken);
        Log.Pruned(logger, tokens, authorizations, assertionUses);
        return (tokens, authorizations, assertionUses);
    }
}
