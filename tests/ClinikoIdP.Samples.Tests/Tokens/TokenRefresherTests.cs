using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Clinic.Appointments.Tokens;
using ClinikoIdP.Samples.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClinikoIdP.Samples.Tests.Tokens;

/// <summary>The Appointments sample's refresh-token helper (RFC 6749 §6) against a stubbed token endpoint.</summary>
public sealed class TokenRefresherTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);

    [Fact]
    public async Task TokenValidForMoreThanAMinuteIsLeftAlone()
    {
        var endpoint = Respond(HttpStatusCode.OK, new { access_token = "never" });
        var properties = Saved(expiresAt: Now.AddMinutes(5));

        var outcome = await Refresher(endpoint).RefreshIfExpiringAsync(properties, CancellationToken.None);

        Assert.Equal(TokenRefreshOutcome.StillValid, outcome);
        Assert.Empty(endpoint.Calls);
        Assert.Equal("access-1", properties.GetTokenValue("access_token"));
    }

    [Fact]
    public async Task ExpiringTokenIsRefreshedAndTheRotatedRefreshTokenKept()
    {
        var endpoint = Respond(HttpStatusCode.OK, new { access_token = "access-2", token_type = "Bearer", expires_in = 900, refresh_token = "refresh-2" });
        var properties = Saved(expiresAt: Now.AddSeconds(30));

        var outcome = await Refresher(endpoint).RefreshIfExpiringAsync(properties, CancellationToken.None);

        Assert.Equal(TokenRefreshOutcome.Refreshed, outcome);
        var (request, body) = Assert.Single(endpoint.Calls);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(TestIssuer.TokenEndpoint, request.RequestUri);
        var form = System.Web.HttpUtility.ParseQueryString(body!);
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("refresh-1", form["refresh_token"]);
        Assert.Equal("clinic-appointments", form["client_id"]);
        Assert.Equal("secret-0123456789abcdef", form["client_secret"]);
        Assert.Equal("access-2", properties.GetTokenValue("access_token"));
        Assert.Equal("refresh-2", properties.GetTokenValue("refresh_token"));
        Assert.Equal("id-token-1", properties.GetTokenValue("id_token"));
        Assert.Equal(Now.AddSeconds(900), DateTimeOffset.Parse(properties.GetTokenValue("expires_at")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RefreshTokenIsKeptWhenTheIdPDoesNotRotateIt()
    {
        var endpoint = Respond(HttpStatusCode.OK, new { access_token = "access-2", token_type = "Bearer", expires_in = 900 });
        var properties = Saved(expiresAt: Now.AddMinutes(-3));

        await Refresher(endpoint).RefreshIfExpiringAsync(properties, CancellationToken.None);

        Assert.Equal("refresh-1", properties.GetTokenValue("refresh_token"));
    }

    [Fact]
    public async Task RefusedRefreshTokenMeansSignInAgain()
    {
        var endpoint = Respond(HttpStatusCode.BadRequest, new { error = "invalid_grant" });
        var properties = Saved(expiresAt: Now.AddMinutes(-3));

        var outcome = await Refresher(endpoint).RefreshIfExpiringAsync(properties, CancellationToken.None);

        Assert.Equal(TokenRefreshOutcome.Failed, outcome);
        Assert.Equal("access-1", properties.GetTokenValue("access_token"));
    }

    [Fact]
    public async Task NoRefreshTokenMeansSignInAgain()
    {
        var endpoint = Respond(HttpStatusCode.OK, new { access_token = "never" });
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = "access-1" }]);

        var outcome = await Refresher(endpoint).RefreshIfExpiringAsync(properties, CancellationToken.None);

        Assert.Equal(TokenRefreshOutcome.Failed, outcome);
        Assert.Empty(endpoint.Calls);
    }

    private static StubHttpHandler Respond(HttpStatusCode status, object json) =>
        new((_, _) => JsonContent.Create(json).AsResponse(status));

    private static AuthenticationProperties Saved(DateTimeOffset expiresAt)
    {
        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = "access-1" },
            new AuthenticationToken { Name = "refresh_token", Value = "refresh-1" },
            new AuthenticationToken { Name = "id_token", Value = "id-token-1" },
            new AuthenticationToken { Name = "expires_at", Value = expiresAt.ToString("o", CultureInfo.InvariantCulture) },
        ]);
        return properties;
    }

    private TokenRefresher Refresher(StubHttpHandler endpoint)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = TestIssuer.Issuer, TokenEndpoint = TestIssuer.TokenEndpoint.AbsoluteUri };
        var options = new ServiceCollection()
            .Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.ClientId = "clinic-appointments";
                options.ClientSecret = "secret-0123456789abcdef";
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            })
            .BuildServiceProvider()
            .GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>();
        return new TokenRefresher(new HttpClient(endpoint), options, time);
    }
}
