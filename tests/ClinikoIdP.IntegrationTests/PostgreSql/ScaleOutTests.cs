using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.PostgreSql;

/// <summary>
/// Issue 6, "Stateless nodes": two servers on one PostgreSQL database behave as one identity provider. Every request of
/// a journey goes to the other node than the one before, and one-time secrets stay one-time across nodes.
/// </summary>
public class ScaleOutTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task AJourneyWhoseRequestsAlternateBetweenNodesSignsInRedeemsRefreshesAndSignsInAgain()
    {
        var (a, b) = (nodes.A, nodes.B);
        var user = await Seed.UserAsync(a);
        var client = await a.StandardClientAsync();
        using var browser = new Browser(a, b);

        var request = client.NewAuthorizationRequest();
        var (enrolled, response) = await TwoFactorJourneys.EnrolAsync(browser, request, user, nodes.Clock);
        var (tokens, idToken) = await TwoFactorJourneys.RedeemAsync(TwoNodes.On(b, client), request, response);
        Assert.Contains("mfa", TokenValidator.ArrayClaim(idToken, "amr"));

        var refreshed = (await TwoNodes.On(a, client).RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        nodes.Clock.Advance(TimeSpan.FromSeconds(31)); // beyond OpenIddict's leeway for concurrent refreshes
        var replayed = await TwoNodes.On(b, client).RefreshAsync(tokens.RefreshToken!);
        Assert.Equal("invalid_grant", replayed.Error);

        // Single sign-on: the session the nodes created together serves a new request without a password.
        var again = client.NewAuthorizationRequest();
        var silent = AuthorizationResponse.FromRedirect(await browser.NavigateAsync(again.Url));
        Assert.False(string.IsNullOrEmpty(silent.Code), silent.Location.ToString());

        nodes.Clock.Advance(AuthenticatorApp.Step);
        using var fresh = new Browser(b, a);
        var second = client.NewAuthorizationRequest();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(fresh, second, enrolled.User, enrolled.App.Code());
        await TwoFactorJourneys.RedeemAsync(TwoNodes.On(a, client), second, AuthorizationResponse.FromRedirect(landed));
    }

    [Theory]
    [InlineData("authenticator code")]
    [InlineData("backup code")]
    public async Task OneCodeSubmittedToBothNodesAtOnceIsAcceptedExactlyOnce(string kind)
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(nodes.A);
        var client = await nodes.A.StandardClientAsync();
        var code = kind == "backup code" ? enrolled.BackupCodes[0] : enrolled.App.Code();

        for (var round = 0; round < 3; round++)
        {
            using var onA = new Browser(nodes.A);
            using var onB = new Browser(nodes.B);
            var pages = new[]
            {
                await SecondFactorPage.ReadAsync(onA, await TwoFactorJourneys.PasswordAsync(onA, client.NewAuthorizationRequest(), enrolled.User)),
                await SecondFactorPage.ReadAsync(onB, await TwoFactorJourneys.PasswordAsync(onB, client.NewAuthorizationRequest(), enrolled.User)),
            };

            var responses = await Task.WhenAll(pages.Select(page => Task.Run(() => page.SubmitAsync(code))));

            Assert.Equal(round == 0 ? 1 : 0, responses.Count(r => r.StatusCode == HttpStatusCode.SeeOther));
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.OK, r.StatusCode.ToString()));
            Assert.Equal(round == 0 ? 1 : 0, new[] { onA, onB }.Count(browser => browser.HasSessionCookie));
        }

        var verified = await nodes.B.AdminOkAsync("audit", "verify");
        Assert.StartsWith("Audit trail intact", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothNodesPublishTheSameKeysAndValidateEachOthersTokens()
    {
        var api = await Seed.ResourceServerAsync(nodes.A);
        using var fromA = nodes.A.NewBackChannel();
        using var fromB = nodes.B.NewBackChannel();

        var jwksA = JsonDocument.Parse(await fromA.GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys").ToString();
        var jwksB = JsonDocument.Parse(await fromB.GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys").ToString();
        Assert.Equal(jwksA, jwksB);

        var issuedByA = (await TwoNodes.On(nodes.A, api).ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        var introspectedByB = await TwoNodes.On(nodes.B, api).IntrospectAsync(issuedByA.AccessToken!);
        Assert.True(introspectedByB.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task AKeyRotatedFromTheCommandLineIsLoadedByEveryNodeWithoutARestart()
    {
        var api = await Seed.ResourceServerAsync(nodes.A);
        var before = (await TwoNodes.On(nodes.B, api).ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        await nodes.A.AdminOkAsync("keys", "rotate");
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            await node.Services.GetRequiredService<ServerKeysWatcher>().RefreshAsync(CancellationToken.None);
        }

        var after = (await TwoNodes.On(nodes.B, api).ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        var newKid = new JsonWebToken(after.AccessToken!).Kid;
        Assert.NotEqual(new JsonWebToken(before.AccessToken!).Kid, newKid);
        using var fromA = nodes.A.NewBackChannel();
        var jwks = JsonDocument.Parse(await fromA.GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys");
        Assert.Contains(jwks.EnumerateArray(), key => key.GetProperty("kid").GetString() == newKid);
        Assert.True((await TwoNodes.On(nodes.A, api).IntrospectAsync(before.AccessToken!)).GetProperty("active").GetBoolean());
    }
}
