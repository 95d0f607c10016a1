using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Pruning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.IntegrationTests.Performance;

/// <summary>
/// The background pruning removes spent token and authorization rows past the threshold, and uses of client assertions
/// that have expired, and keeps the rest.
/// </summary>
public class SpentTokenPruningTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task PrunesExpiredRedeemedAndRevokedRowsAndKeepsLiveAndRecentOnes()
    {
        var subject = Seed.UniqueId("prune");
        var now = factory.Clock.GetUtcNow();
        await AddTokenAsync(subject, "expired", Statuses.Valid, created: now.AddDays(-30), expires: now.AddDays(-16));
        await AddTokenAsync(subject, "redeemed-long-ago", Statuses.Redeemed, created: now.AddDays(-20), expires: now.AddDays(-6));
        await AddTokenAsync(subject, "live", Statuses.Valid, created: now.AddDays(-20), expires: now.AddDays(10));
        await AddTokenAsync(subject, "redeemed-yesterday", Statuses.Redeemed, created: now.AddDays(-1), expires: now.AddDays(13));
        await AddAuthorizationAsync(subject, "revoked", Statuses.Revoked, created: now.AddDays(-20));
        await AddAuthorizationAsync(subject, "granted", Statuses.Valid, created: now.AddDays(-20));
        var pruner = factory.Services.GetRequiredService<SpentTokenPruner>();

        await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(["live", "redeemed-yesterday"], await TokensAsync(subject));
        Assert.Equal(["granted"], await AuthorizationsAsync(subject));

        // A fortnight later (the refresh-token lifetime), yesterday's redeemed token is past the threshold too.
        factory.Clock.Advance(TimeSpan.FromDays(14));
        await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(["live"], await TokensAsync(subject));
    }

    [Fact]
    public async Task UsesOfClientAssertionsGoOnceTheyHaveExpired()
    {
        var client = Seed.UniqueId("assertions");
        var now = factory.Clock.GetUtcNow();
        await factory.QueryAsync(async db =>
        {
            db.ClientAssertionUses.Add(new ClientAssertionUseRecord { ClientId = client, Jti = "expired", ExpiresAt = now.AddMinutes(-1) });
            db.ClientAssertionUses.Add(new ClientAssertionUseRecord { ClientId = client, Jti = "live", ExpiresAt = now.AddMinutes(4) });
            return await db.SaveChangesAsync();
        });

        await factory.Services.GetRequiredService<SpentTokenPruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(["live"], await factory.QueryAsync(db =>
            db.ClientAssertionUses.Where(u => u.ClientId == client).Select(u => u.Jti).ToListAsync()));
    }

    private async Task AddTokenAsync(string subject, string name, string status, DateTimeOffset created, DateTimeOffset expires)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().CreateAsync(new OpenIddictTokenDescriptor
        {
            Subject = subject,
            Type = TokenTypeHints.RefreshToken,
            Status = status,
            CreationDate = created,
            ExpirationDate = expires,
            Properties = { ["name"] = System.Text.Json.JsonSerializer.SerializeToElement(name) },
        });
    }

    private async Task AddAuthorizationAsync(string subject, string name, string status, DateTimeOffset created)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            Subject = subject,
            Type = AuthorizationTypes.Permanent,
            Status = status,
            CreationDate = created,
            Properties = { ["name"] = System.Text.Json.JsonSerializer.SerializeToElement(name) },
        });
    }

    private async Task<string[]> TokensAsync(string subject) =>
        [.. (await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject)
            .Select(t => t.Properties!).ToListAsync())).Select(Name).Order(StringComparer.Ordinal)];

    private async Task<string[]> AuthorizationsAsync(string subject) =>
        [.. (await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject)
            .Select(a => a.Properties!).ToListAsync())).Select(Name).Order(StringComparer.Ordinal)];

    private static string Name(string properties) =>
        System.Text.Json.JsonDocument.Parse(properties).RootElement.GetProperty("name").GetString()!;
}
