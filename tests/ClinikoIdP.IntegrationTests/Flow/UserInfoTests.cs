using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Flow;

/// <summary>UserInfo beyond the oidcc-userinfo-* modules (Conformance/BasicOpScopesPlan): scopes withheld, tokens refused.</summary>
public class UserInfoTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string Path = "/connect/userinfo";

    private async Task<(TestUser User, string AccessToken, string Subject)> SignInAsync(string scope)
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user, scope);
        return (user, tokens.AccessToken!, new JsonWebToken(tokens.IdToken!).Subject);
    }

    private static async Task<JsonElement> ReadClaimsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"UserInfo failed: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task OmitsEmailAndNameWithoutTheirScopes()
    {
        var (_, accessToken, subject) = await SignInAsync("openid");
        using var client = factory.NewBackChannel();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var claims = await ReadClaimsAsync(await client.GetAsync(Path));

        Assert.Equal(subject, claims.GetProperty("sub").GetString());
        Assert.False(claims.TryGetProperty("email", out _));
        Assert.False(claims.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task RefusesARequestWithoutAnAccessToken()
    {
        using var client = factory.NewBackChannel();

        var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefusesAForgedAccessToken()
    {
        var (_, accessToken, _) = await SignInAsync("openid");
        var parts = accessToken.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        using var client = factory.NewBackChannel();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
