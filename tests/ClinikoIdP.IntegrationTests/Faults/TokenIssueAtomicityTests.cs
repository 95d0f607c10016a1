using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Faults;

/// <summary>
/// A code exchange or refresh is one transaction: cut off by the database at any of its steps, it answers "try again
/// later", nothing of it is kept (the code or refresh token is still unspent), and the retry gets working tokens.
/// </summary>
public sealed class TokenIssueAtomicityTests(OutageIdpFactory factory) : IClassFixture<OutageIdpFactory>
{
    private async Task<(Browser Browser, TestClient Client, string RefreshToken)> SignedInAsync()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var landed = AuthorizationResponse.FromRedirect(
            await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.App.Code()));
        var (tokens, _) = await TwoFactorJourneys.RedeemAsync(client, request, landed);
        return (browser, client, tokens.RefreshToken!);
    }

    private async Task<TokenResponse> CutOffAtAsync(int failingCommand, Func<Task<TokenResponse>> tokenRequest)
    {
        factory.Outage.FailCommandNumber = failingCommand;
        try
        {
            return await tokenRequest();
        }
        finally
        {
            factory.Outage.FailCommandNumber = 0;
        }
    }

    [Fact]
    public async Task ACodeExchangeCutOffAtAnyStepLeavesTheCodeUnspentAndTheRetryGetsWorkingTokens()
    {
        var (browser, client, _) = await SignedInAsync();
        using var _ = browser;
        var interrupted = 0;
        for (var failing = 1; failing <= 16; failing++)
        {
            var request = client.NewAuthorizationRequest();
            var code = (await Journeys.AuthorizeAsync(browser, request)).Code!;

            var cut = await CutOffAtAsync(failing, () => client.RedeemCodeAsync(code, request.Pkce.Verifier));
            if (cut.Status == HttpStatusCode.OK)
            {
                continue; // the failing command was past the exchange's last one (or another's)
            }

            Assert.True(cut.Status == HttpStatusCode.ServiceUnavailable, $"command {failing}: {(int)cut.Status} {cut.Json}");
            Assert.Equal("temporarily_unavailable", cut.Error);
            interrupted++;
            var retried = (await client.RedeemCodeAsync(code, request.Pkce.Verifier)).EnsureSuccess();
            (await client.RefreshAsync(retried.RefreshToken!)).EnsureSuccess();
        }

        Assert.True(interrupted > 2, $"The exchange should have been cut off at several steps (was {interrupted}).");
    }

    [Fact]
    public async Task ARefreshCutOffAtAnyStepLeavesTheRefreshTokenUnspent()
    {
        var (browser, client, refreshToken) = await SignedInAsync();
        using var _ = browser;
        var interrupted = 0;
        for (var failing = 1; failing <= 16; failing++)
        {
            var cut = await CutOffAtAsync(failing, () => client.RefreshAsync(refreshToken));
            if (cut.Status == HttpStatusCode.OK)
            {
                refreshToken = cut.RefreshToken!;
                continue;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, cut.Status);
            interrupted++;
            refreshToken = (await client.RefreshAsync(refreshToken)).EnsureSuccess().RefreshToken!;
        }

        Assert.True(interrupted > 1, $"The refresh should have been cut off at several steps (was {interrupted}).");
        (await client.RefreshAsync(refreshToken)).EnsureSuccess();
    }
}
