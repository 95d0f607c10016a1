using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Discovery;

/// <summary>oidcc-discovery-endpoint-verification: what the configuration document and the JWKS promise.</summary>
public class DiscoveryTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = factory.NewBackChannel();
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private Task<JsonElement> GetConfigurationAsync() => GetJsonAsync("/.well-known/openid-configuration");

    private static string[] Strings(JsonElement json, string name) =>
        [.. json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task AdvertisesOnlyS256CodeChallenges()
    {
        var configuration = await GetConfigurationAsync();

        Assert.Equal(["S256"], Strings(configuration, "code_challenge_methods_supported"));
    }

    [Fact]
    public async Task AdvertisesOnlyTheCodeResponseType()
    {
        var configuration = await GetConfigurationAsync();

        Assert.Equal(["code"], Strings(configuration, "response_types_supported"));
    }

    [Fact]
    public async Task AdvertisesNeitherImplicitNorPasswordGrants()
    {
        var grants = Strings(await GetConfigurationAsync(), "grant_types_supported");

        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.DoesNotContain("implicit", grants);
        Assert.DoesNotContain("password", grants);
    }

    [Fact]
    public async Task AdvertisesRs256IdTokensAndTheIssParameter()
    {
        var configuration = await GetConfigurationAsync();

        Assert.Equal(["RS256"], Strings(configuration, "id_token_signing_alg_values_supported"));
        Assert.True(configuration.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
        Assert.Contains("openid", Strings(configuration, "scopes_supported"));
        Assert.Contains("client_secret_basic", Strings(configuration, "token_endpoint_auth_methods_supported"));
    }

    [Fact]
    public async Task JwksPublishesAnRs256SigningKeyWithAKeyIdAndNoPrivateParts()
    {
        var keys = (await GetJsonAsync("/.well-known/jwks")).GetProperty("keys").EnumerateArray().ToList();

        var key = Assert.Single(keys);
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrWhiteSpace(key.GetProperty("kid").GetString()));
        Assert.True(key.TryGetProperty("n", out _));
        Assert.False(key.TryGetProperty("d", out _), "The JWKS must not publish the private exponent.");
        Assert.False(key.TryGetProperty("k", out _), "The JWKS must not publish a symmetric key.");
    }
}
