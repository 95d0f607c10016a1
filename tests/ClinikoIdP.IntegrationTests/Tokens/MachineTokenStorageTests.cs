using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>
/// Client-credentials access tokens are self-contained and stay out of the token table (issue #7: a write per
/// machine request), yet every API and the introspection endpoint still accept them; IdP:StoreClientCredentialsAccessTokens
/// puts the rows back. Tokens issued to people are always stored (sign-out must be able to revoke them).
/// </summary>
public class MachineTokenStorageTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    public sealed class StoringIdpFactory() : IdpFactory(
        TwoFactorEnforcement.WhenRequested, new Dictionary<string, string?> { ["IdP:StoreClientCredentialsAccessTokens"] = "true" });

    [Fact]
    public async Task AClientCredentialsAccessTokenLeavesNoRowAndIntrospectsAsActive()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        Assert.Equal(0, await StoredTokensOfAsync(factory, machine.ClientId));
        var introspected = await (await Seed.ResourceServerAsync(factory)).IntrospectAsync(tokens.AccessToken!);
        Assert.True(introspected.GetProperty("active").GetBoolean());
        Assert.Equal(machine.ClientId, introspected.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task TokensIssuedToAPersonAreStillStored()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();

        await Journeys.SignInForTokensAsync(browser, client, user);

        var types = await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(token => token.Application!.ClientId == client.ClientId).Select(token => token.Type).Distinct().ToListAsync());
        Assert.Contains(types, type => type!.Contains("access_token", StringComparison.Ordinal));
        Assert.Contains(types, type => type!.Contains("refresh_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSettingStoresClientCredentialsAccessTokensAgain()
    {
        using var storing = new StoringIdpFactory();
        var machine = await Seed.MachineClientAsync(storing);

        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        Assert.Equal(1, await StoredTokensOfAsync(storing, machine.ClientId));
    }

    private static Task<int> StoredTokensOfAsync(IdpFactory server, string clientId) => server.QueryAsync(db =>
        db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(token => token.Application!.ClientId == clientId));
}
