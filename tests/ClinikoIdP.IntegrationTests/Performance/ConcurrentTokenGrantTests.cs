using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Performance;

/// <summary>
/// Code exchanges and refresh grants arriving together on SQLite take the single write lock in turns
/// (Data/SqliteWriteTurns) rather than failing or sleeping in SQLite's busy handler: every one of them gets its tokens.
/// </summary>
public sealed class ConcurrentTokenGrantTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const int AtOnce = 8;

    [Fact]
    public async Task CodeExchangesAndRefreshGrantsSentTogetherAllSucceed()
    {
        var user = await Seed.UserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var firstTokens = await Journeys.SignInForTokensAsync(browser, client, user);

        var requests = new List<(AuthorizationRequest Request, string Code)>();
        for (var i = 0; i < AtOnce; i++)
        {
            var request = client.NewAuthorizationRequest();
            requests.Add((request, (await Journeys.AuthorizeAsync(browser, request)).Code!));
        }

        var exchanges = await Task.WhenAll(requests.Select(r => client.RedeemCodeAsync(r.Code, r.Request.Pkce.Verifier)));
        Assert.All(exchanges, exchange => Assert.Equal(HttpStatusCode.OK, exchange.Status));

        var refreshTokens = exchanges.Select(e => e.RefreshToken!).Append(firstTokens.RefreshToken!).ToList();
        for (var round = 0; round < 2; round++)
        {
            var refreshed = await Task.WhenAll(refreshTokens.Select(client.RefreshAsync));
            Assert.All(refreshed, grant => Assert.True(grant.Status == HttpStatusCode.OK, $"{(int)grant.Status} {grant.Json}"));
            refreshTokens = [.. refreshed.Select(r => r.RefreshToken!)];
        }

        Assert.Equal(AtOnce + 1, refreshTokens.Distinct(StringComparer.Ordinal).Count());
    }
}
