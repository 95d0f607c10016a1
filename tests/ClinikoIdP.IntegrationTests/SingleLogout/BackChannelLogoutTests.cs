using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SingleLogout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.SingleLogout;

/// <summary>OpenID Connect Back-Channel Logout 1.0, the identity provider's side: who is told, with what, and how hard it tries.</summary>
public sealed class BackChannelLogoutTests(SingleLogoutIdpFactory factory) : IClassFixture<SingleLogoutIdpFactory>
{
    [Fact]
    public async Task SignOutSendsEachAppOfTheSessionASignedLogoutToken()
    {
        var (up, _, idToken) = await SignInToTwoAppsThenSignOutAsync("up");

        await factory.DeliverDueAsync();

        var delivered = factory.Receivers.Received.Where(r => r.Uri == new Uri(BackChannelUri(up.ClientId, "up"))).ToList();
        var token = Assert.Single(delivered).LogoutToken;
        var jwt = await up.Tokens.ValidateSignedTokenAsync(token, up.ClientId);
        Assert.Equal(LogoutTokenFactory.TokenType, jwt.Typ);
        Assert.Equal(new JsonWebToken(idToken).GetClaim("sid").Value, jwt.GetClaim("sid").Value);
        Assert.Equal(new JsonWebToken(idToken).Subject, jwt.Subject);
        Assert.False(jwt.TryGetClaim("nonce", out _));
        Assert.True(jwt.TryGetPayloadValue<JsonElement>("events", out var events));
        Assert.True(events.TryGetProperty(LogoutTokenFactory.BackChannelLogoutEvent, out _));
        Assert.False(string.IsNullOrEmpty(jwt.Id));
    }

    [Fact]
    public async Task ALogoutLinkLeftUnansweredTellsNoApp()
    {
        var user = await Seed.UserAsync(factory);
        var app = await RegisterWithBackChannelAsync("up");
        using var browser = factory.NewBrowser();
        await Journeys.SignInForTokensAsync(browser, app, user);

        await EndSession.ReadQuestionAsync(await browser.GetAsync(EndSession.Path));
        await factory.DeliverDueAsync();

        Assert.DoesNotContain(factory.Receivers.Received, r => r.Uri == new Uri(BackChannelUri(app.ClientId, "up")));
        await EndSession.AssertStillSignedInAsync(browser, app);
    }

    [Fact]
    public async Task AnAppThatIsDownIsRetriedThenAbandonedWithoutHoldingUpTheOthers()
    {
        var (up, down, _) = await SignInToTwoAppsThenSignOutAsync("down");

        await factory.DeliverDueAsync();
        Assert.Contains(factory.Receivers.Received, r => r.Uri == new Uri(BackChannelUri(up.ClientId, "up")));
        var first = await MessageForAsync(down.ClientId);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.DeliveredAt);
        Assert.Equal("Connection refused", first.LastError);
        Assert.True(first.NextAttemptAt > factory.Clock.GetUtcNow(), "a failed notice waits before its retry");

        for (var attempt = 2; attempt <= BackChannelLogoutSender.MaxAttempts; attempt++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(2));
            await factory.DeliverDueAsync();
        }

        var last = await MessageForAsync(down.ClientId);
        Assert.Equal(BackChannelLogoutSender.MaxAttempts, last.Attempts);
        Assert.NotNull(last.AbandonedAt);
        Assert.NotNull((await MessageForAsync(up.ClientId)).DeliveredAt);
    }

    [Fact]
    public async Task AnAppThatNeverAnswersTimesOutAndTheOthersAreStillTold()
    {
        var (up, slow, _) = await SignInToTwoAppsThenSignOutAsync("slow");

        await factory.DeliverDueAsync();

        Assert.NotNull((await MessageForAsync(up.ClientId)).DeliveredAt);
        var stuck = await MessageForAsync(slow.ClientId);
        Assert.Null(stuck.DeliveredAt);
        Assert.Equal("timed out", stuck.LastError);
    }

    private static string BackChannelUri(string clientId, string kind) => $"https://{kind}-{clientId}.clinic.test/backchannel-logout";

    /// <summary>
    /// Signs one user in to an app that answers and to one of the given kind, then follows a bare logout link on
    /// ClinikoIdP and answers its question with "Sign out".
    /// </summary>
    private async Task<(TestClient Up, TestClient Other, string IdToken)> SignInToTwoAppsThenSignOutAsync(string otherKind)
    {
        var user = await Seed.UserAsync(factory);
        var up = await RegisterWithBackChannelAsync("up");
        var other = await RegisterWithBackChannelAsync(otherKind);

        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, up, user);
        var second = other.NewAuthorizationRequest();
        Assert.NotNull((await Journeys.AuthorizeAsync(browser, second)).Code);

        var question = await EndSession.ReadQuestionAsync(await browser.GetAsync(EndSession.Path));
        var signedOut = await browser.FollowAsync(await EndSession.SignOutForm(question).SubmitAsync(browser));
        Assert.False(browser.HasSessionCookie, $"still signed in after end session ({signedOut.StatusCode})");
        return (up, other, tokens.IdToken!);
    }

    private async Task<TestClient> RegisterWithBackChannelAsync(string kind)
    {
        var clientId = Seed.UniqueId("app");
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        var redirectUri = $"https://{clientId}.clinic.test/signin-oidc";
        await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--secret", secret, "--redirect-uri", redirectUri,
            "--backchannel-logout-uri", BackChannelUri(clientId, kind));
        return new TestClient(factory, clientId, secret, redirectUri, redirectUri);
    }

    private async Task<BackChannelLogoutMessage> MessageForAsync(string clientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        return await db.BackChannelLogoutMessages.AsNoTracking().SingleAsync(m => m.ClientId == clientId);
    }
}
