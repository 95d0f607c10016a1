using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.SingleLogout;
using ClinikoIdP.Server.Features.SingleLogout;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-backchannel-rp-initiated-logout-certification-test-plan (OpenID Connect Back-Channel Logout 1.0): discovery
/// says so, id tokens carry sid, and an RP-initiated logout tells every app of the session with a logout token, then
/// redirects back. Notices go through an outbox that the background sender empties every second; here the test
/// empties it at once (<see cref="SingleLogoutIdpFactory.DeliverDueAsync"/>), so the wait is not the fake clock's.
/// </summary>
public class BackChannelLogoutPlan(SingleLogoutIdpFactory factory) : IClassFixture<SingleLogoutIdpFactory>
{
    [Fact]
    public async Task OidccBackchannelRpInitiatedLogout()
    {
        var configuration = await DiscoveryDocument.ReadAsync(factory);
        Assert.True(DiscoveryDocument.Flag(configuration, "backchannel_logout_supported", absentMeans: false));
        Assert.True(DiscoveryDocument.Flag(configuration, "backchannel_logout_session_supported", absentMeans: false));
        var user = await Seed.UserAsync(factory);
        var (first, firstUri) = await RegisterAsync();
        var (second, secondUri) = await RegisterAsync();
        using var browser = factory.NewBrowser();
        var signedIn = await first.SignInAsync(browser, first.NewRequest(), user);
        var alsoSignedIn = await second.AuthorizeSilentlyAsync(browser, second.NewRequest());
        var sid = signedIn.IdToken.GetPayloadValue<string>("sid");
        Assert.False(string.IsNullOrEmpty(sid));
        Assert.Equal(sid, alsoSignedIn.IdToken.GetPayloadValue<string>("sid"));

        var response = await browser.GetAsync(EndSession.Url(("id_token_hint", signedIn.Tokens.IdToken!),
            ("post_logout_redirect_uri", first.Client.PostLogoutRedirectUri), ("state", "bc-state")));
        await factory.DeliverDueAsync();

        var location = Browser.LocationOf(response);
        Assert.Equal(first.Client.PostLogoutRedirectUri, location.GetLeftPart(UriPartial.Path));
        Assert.Equal("bc-state", QueryHelpers.ParseQuery(location.Query)["state"].ToString());
        await AssertLogoutTokenAsync(first, firstUri, signedIn.IdToken);
        await AssertLogoutTokenAsync(second, secondUri, signedIn.IdToken);
        await EndSession.AssertSignedOutAsync(browser, first.Client);
    }

    /// <summary>A client with a back-channel logout URI that the fake receivers answer ("up" host).</summary>
    private async Task<(SuiteClient Suite, Uri BackChannelUri)> RegisterAsync()
    {
        var uri = new Uri($"https://up-{Seed.UniqueId("rp")}.clinic.test/backchannel-logout");
        var client = await Seed.ClientAsync(factory, "--backchannel-logout-uri", uri.ToString());
        return (new SuiteClient(factory, client), uri);
    }

    /// <summary>Back-Channel Logout 1.0 §2.4 and §2.6: what the app must check before it ends its session.</summary>
    private async Task AssertLogoutTokenAsync(SuiteClient app, Uri backChannelUri, JsonWebToken idToken)
    {
        var token = Assert.Single(factory.Receivers.Received, r => r.Uri == backChannelUri).LogoutToken;
        var jwt = await app.Validator.ValidateSignedTokenAsync(token, app.Client.ClientId);

        Assert.Equal(LogoutTokenFactory.TokenType, jwt.Typ);
        Assert.Equal(idToken.Subject, jwt.Subject);
        Assert.Equal(idToken.GetPayloadValue<string>("sid"), jwt.GetPayloadValue<string>("sid"));
        Assert.True(jwt.TryGetPayloadValue<long>("iat", out _));
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.False(jwt.TryGetPayloadValue<string>("nonce", out _), "a logout token must not carry a nonce");
        Assert.True(jwt.GetPayloadValue<JsonElement>("events").TryGetProperty(LogoutTokenFactory.BackChannelLogoutEvent, out _));
    }
}
