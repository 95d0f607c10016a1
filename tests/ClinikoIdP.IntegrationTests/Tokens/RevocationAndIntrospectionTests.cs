using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>RFC 7662 introspection and RFC 7009 revocation for a confidential clinic app.</summary>
public class RevocationAndIntrospectionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(TestClient Client, TokenResponse Tokens)> SignInAsync()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        return (client, await Journeys.SignInForTokensAsync(browser, client, user, TestClient.DefaultScope + " " + Seed.ApiScope));
    }

    [Fact]
    public async Task IntrospectionByTheClientShowsAnActiveAccessTokensSubjectAndClient()
    {
        var (client, tokens) = await SignInAsync();

        var introspection = await client.IntrospectAsync(tokens.AccessToken!);

        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(new JsonWebToken(tokens.IdToken!).Subject, introspection.GetProperty("sub").GetString());
        Assert.Equal(client.ClientId, introspection.GetProperty("client_id").GetString());
        Assert.Equal(Seed.ApiResource, introspection.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task IntrospectionByTheApiAlsoShowsTheScope()
    {
        var (client, tokens) = await SignInAsync();
        var api = await Seed.ResourceServerAsync(factory);

        var introspection = await api.IntrospectAsync(tokens.AccessToken!);

        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(new JsonWebToken(tokens.IdToken!).Subject, introspection.GetProperty("sub").GetString());
        Assert.Equal(client.ClientId, introspection.GetProperty("client_id").GetString());
        var scopes = introspection.GetProperty("scope").GetString()!.Split(' ');
        Assert.Contains(Seed.ApiScope, scopes);
        Assert.Contains("openid", scopes);
    }

    [Fact]
    public async Task IntrospectionOfAnActiveRefreshTokenShowsItActive()
    {
        var (client, tokens) = await SignInAsync();

        var introspection = await client.IntrospectAsync(tokens.RefreshToken!);

        Assert.True(introspection.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task RevokedRefreshTokenCanNoLongerBeUsed()
    {
        var (client, tokens) = await SignInAsync();

        var revocation = await client.RevokeAsync(tokens.RefreshToken!, "refresh_token");
        var refresh = await client.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, revocation.StatusCode);
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task IntrospectionOfARevokedRefreshTokenIsInactive()
    {
        var (client, tokens) = await SignInAsync();

        (await client.RevokeAsync(tokens.RefreshToken!)).EnsureSuccessStatusCode();
        var introspection = await client.IntrospectAsync(tokens.RefreshToken!);

        Assert.False(introspection.GetProperty("active").GetBoolean());
        Assert.False(introspection.TryGetProperty("sub", out _), "An inactive token must reveal nothing about itself.");
    }

    [Fact]
    public async Task IntrospectionOfAnExpiredAccessTokenIsInactive()
    {
        var (client, tokens) = await SignInAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(16));

        var introspection = await client.IntrospectAsync(tokens.AccessToken!);

        Assert.False(introspection.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task IntrospectionRequiresClientAuthentication()
    {
        var (client, tokens) = await SignInAsync();

        var response = await client.PostAsync("/connect/introspect", new() { ["token"] = tokens.AccessToken! }, ClientAuthentication.None);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"Got {(int)response.StatusCode}.");
        Assert.DoesNotContain("\"active\": true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
