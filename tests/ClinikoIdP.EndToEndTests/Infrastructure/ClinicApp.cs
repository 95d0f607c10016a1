using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinikoIdP.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// A clinic app registered as a confidential client whose redirect URI is a loopback address nothing listens on:
/// the browser's request to it is intercepted (that is the app receiving the code), and the code is then redeemed
/// over the back channel with PKCE S256, as the app's server would.
/// </summary>
public sealed class ClinicApp
{
    private readonly IIdentityProvider server;
    private readonly string secret;
    private string scope = "openid profile email";

    private ClinicApp(IIdentityProvider server, string clientId, string secret, Uri origin)
    {
        this.server = server;
        this.secret = secret;
        ClientId = clientId;
        Origin = origin;
    }

    public string ClientId { get; }

    /// <summary>http://127.0.0.1:PORT with a port no server listens on.</summary>
    public Uri Origin { get; }

    public string RedirectUri => new Uri(Origin, "/callback").ToString();

    /// <param name="offlineAccess">Also allowed refresh tokens (scope offline_access), which its sign-in requests then ask for.</param>
    public static async Task<ClinicApp> RegisterAsync(IIdentityProvider server, bool offlineAccess = false)
    {
        var clientId = "appointments-" + Guid.NewGuid().ToString("N")[..8];
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var app = new ClinicApp(server, clientId, secret, NewLoopbackOrigin()) { scope = offlineAccess ? "openid profile email offline_access" : "openid profile email" };
        string[] create = [
            "client", "create", "--client-id", clientId, "--secret", secret, "--display-name", "Clinic Appointments",
            "--redirect-uri", app.RedirectUri, "--scope", "openid", "--scope", "profile", "--scope", "email",
        ];
        await server.AdminAsync(offlineAccess ? [.. create, "--scope", "offline_access"] : create);
        return app;
    }

    /// <summary>An app an administrator registered by hand (in the console) with this redirect origin and secret.</summary>
    public static ClinicApp ForRegistered(IdpServer server, string clientId, string secret, Uri origin) =>
        new(server, clientId, secret, origin);

    /// <summary>A loopback origin on a port nothing listens on: where a clinic app's callback is intercepted.</summary>
    public static Uri NewLoopbackOrigin() => new($"http://127.0.0.1:{LoopbackPorts.Free()}");

    /// <summary>A fresh authorization request (code flow, PKCE S256, state and nonce).</summary>
    public SignInRequest NewSignInRequest()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var nonce = Guid.NewGuid().ToString("N");
        var url = QueryHelpers.AddQueryString(new Uri(server.BaseAddress, "/connect/authorize").ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        return new SignInRequest(url, verifier, state, nonce);
    }

    /// <summary>
    /// Starts listening for the page arriving at the redirect URI, where it is shown a small page instead of a
    /// connection error. The arrival completes once that page has loaded, so the test's next navigation cannot
    /// collide with the redirect still under way.
    /// </summary>
    public async Task<Callback> ExpectCallbackAsync(IPage page)
    {
        var arrived = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.Context.RouteAsync(Origin + "**", async route =>
        {
            arrived.TrySetResult(new Uri(route.Request.Url));
            await route.FulfillAsync(new() { ContentType = "text/html", Body = "<!DOCTYPE html><title>Clinic Appointments</title><h1>Today's appointments</h1>" });
        });
        return new Callback(ArriveAsync(page, arrived.Task));
    }

    private async Task<Uri> ArriveAsync(IPage page, Task<Uri> arrived)
    {
        var url = await arrived;
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Origin.ToString())), new() { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        return url;
    }

    /// <summary>Reads the code from the callback (checking state) and redeems it at the token endpoint.</summary>
    public async Task<IdToken> RedeemAsync(Callback callback, SignInRequest request) =>
        (await RedeemForTokensAsync(callback, request)).IdToken;

    /// <summary>As <see cref="RedeemAsync"/>, also returning the refresh token when the app has offline access.</summary>
    public async Task<(IdToken IdToken, string? RefreshToken)> RedeemForTokensAsync(Callback callback, SignInRequest request)
    {
        var arrival = await callback.ArrivalAsync();
        var query = QueryHelpers.ParseQuery(arrival.Query);
        Assert.Equal(request.State, query["state"].ToString());
        Assert.True(query.TryGetValue("code", out var code), $"No code in the callback: {arrival}");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code.ToString(),
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = request.Verifier,
            }),
        };
        message.Headers.Authorization = ClientSecretBasic();
        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Token request failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var idToken = json.RootElement.GetProperty("id_token").GetString()!;
        var refreshToken = json.RootElement.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null;
        return (await IdToken.ValidateAsync(http, idToken, server.BaseAddress, ClientId, request.Nonce), refreshToken);
    }

    /// <summary>Redeems a refresh token at the back channel; returns the status and the new refresh token, if any.</summary>
    public async Task<(HttpStatusCode Status, string? RefreshToken)> RefreshAsync(string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }),
        };
        message.Headers.Authorization = ClientSecretBasic();
        using var response = await http.SendAsync(message);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null);
    }

    private AuthenticationHeaderValue ClientSecretBasic() => new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(secret)}")));
}
