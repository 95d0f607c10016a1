using System.Diagnostics.Metrics;
using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.IntegrationTests.Operations;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

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

    [Fact]
    public async Task OneCodePresentedByManyRequestsAtOnceGivesTokensToExactlyOneAndTheOthersAreRefused()
    {
        // Grants save their rows only once OpenIddict has answered (Features/Connect/GrantTokenStore); the redemption's
        // concurrency check must still let only one of them through, and the others must be refused, not failed.
        var user = await Seed.UserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var code = (await Journeys.SignInAsync(browser, request, user)).Code!;

        using var issued = new MetricCollector<long>(
            factory.Services.GetRequiredService<IMeterFactory>(), IdpMetrics.MeterName, "clinikoidp.tokens.issued");

        var exchanges = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => client.RedeemCodeAsync(code, request.Pkce.Verifier)));
        AssertExactlyOneGotTokens(exchanges);
        Assert.Equal(1, Issued(issued, "authorization_code")); // the refused ones lost at their commit: nothing issued

        // A request that found the code already spent revoked what the winner got (a replayed code revokes its grant),
        // so the refresh race runs on another sign-in. A refresh token may be used again within OpenIddict's reuse
        // leeway (30 s, for a client that lost the answer): a request that reads it after another's commit is served
        // too, and one that read it before loses the race.
        using var otherBrowser = factory.NewBrowser();
        var refreshToken = (await Journeys.SignInForTokensAsync(otherBrowser, client, await Seed.UserAsync(factory))).RefreshToken!;
        var refreshed = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => client.RefreshAsync(refreshToken)));
        Assert.Contains(refreshed, answer => answer.Status == HttpStatusCode.OK);
        AssertRefused(refreshed.Where(answer => answer.Status != HttpStatusCode.OK));
        Assert.Equal(refreshed.Count(answer => answer.Status == HttpStatusCode.OK), Issued(issued, "refresh_token"));
    }

    private static long Issued(MetricCollector<long> collector, string grantType) => MetricsTests.Sum(collector, "grant_type", grantType);

    private static void AssertExactlyOneGotTokens(TokenResponse[] answers)
    {
        Assert.Single(answers, answer => answer.Status == HttpStatusCode.OK);
        AssertRefused(answers.Where(answer => answer.Status != HttpStatusCode.OK));
    }

    private static void AssertRefused(IEnumerable<TokenResponse> answers) => Assert.All(answers, refused =>
    {
        Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{(int)refused.Status} {refused.Json}");
        Assert.Equal("invalid_grant", refused.Error);
    });
}
