using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.SingleLogout;
using ClinikoIdP.Server.Features.SingleLogout;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// What oidcc-backchannel-rp-initiated-logout does and checks: two apps with back-channel logout URIs share a session,
/// the user logs out through the first, each app receives a valid logout token, the browser goes back to the first
/// app, and the session is over. <c>deliver</c> waits for the notices however the server at hand sends them.
/// </summary>
public sealed class BackChannelLogoutScenario(IdpFactory factory, FakeLogoutReceivers receivers, TimeProvider clock)
{
    public async Task RunAsync(Func<IReadOnlyCollection<Uri>, Task> deliver)
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
        await deliver([firstUri, secondUri]);

        var location = Browser.LocationOf(response);
        Assert.Equal(first.Client.PostLogoutRedirectUri, location.GetLeftPart(UriPartial.Path));
        Assert.Equal("bc-state", QueryHelpers.ParseQuery(location.Query)["state"].ToString());
        await AssertLogoutTokenAsync(first, firstUri, signedIn.IdToken);
        await AssertLogoutTokenAsync(second, secondUri, signedIn.IdToken);
        await EndSession.AssertSignedOutAsync(browser, first.Client);
    }

    /// <summary>True once every one of <paramref name="uris"/> has received its logout token.</summary>
    public bool AllReceived(IReadOnlyCollection<Uri> uris) => uris.All(uri => receivers.Received.Any(r => r.Uri == uri));

    /// <summary>A client with a back-channel logout URI that the fake receivers answer ("up" host).</summary>
    private async Task<(SuiteClient Suite, Uri BackChannelUri)> RegisterAsync()
    {
        var uri = new Uri($"https://up-{Seed.UniqueId("rp")}.clinic.test/backchannel-logout");
        var client = await Seed.ClientAsync(factory, "--backchannel-logout-uri", uri.ToString());
        return (new SuiteClient(factory, client, clock), uri);
    }

    /// <summary>Back-Channel Logout 1.0 §2.4 and §2.6: what the app must check before it ends its session.</summary>
    private async Task AssertLogoutTokenAsync(SuiteClient app, Uri backChannelUri, JsonWebToken idToken)
    {
        var token = Assert.Single(receivers.Received, r => r.Uri == backChannelUri).LogoutToken;
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
