using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-config-certification-test-plan: oidcc-discovery-endpoint-verification checks every value OpenID Connect
/// Discovery 1.0 §3 requires, and that the JWKS it points to holds usable signing keys.
/// </summary>
public class ConfigPlan(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static readonly string[] RequiredEndpoints =
        ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "end_session_endpoint"];

    [Fact]
    public async Task OidccDiscoveryEndpointVerification()
    {
        var configuration = await DiscoveryDocument.ReadAsync(factory);

        // §4.3: the issuer is exactly the URL the document was fetched under; every endpoint is https on that host.
        Assert.Equal(TokenValidator.Issuer, configuration.GetProperty("issuer").GetString());
        foreach (var name in RequiredEndpoints)
        {
            var endpoint = new Uri(configuration.GetProperty(name).GetString()!);
            Assert.Equal(Uri.UriSchemeHttps, endpoint.Scheme);
            Assert.True(Browser.IsOnIdentityProvider(endpoint), $"{name} is not on the issuer's host: {endpoint}");
        }

        AssertContains(configuration, "scopes_supported", "openid");
        AssertContains(configuration, "response_types_supported", "code");
        AssertContains(configuration, "subject_types_supported", "public");
        AssertContains(configuration, "id_token_signing_alg_values_supported", "RS256");
        AssertContains(configuration, "grant_types_supported", "authorization_code");
        AssertContains(configuration, "token_endpoint_auth_methods_supported", "client_secret_basic");
        AssertContains(configuration, "claims_supported", "sub");
        Assert.DoesNotContain("none", DiscoveryDocument.Strings(configuration, "id_token_signing_alg_values_supported"));

        // What is not supported is not claimed: no request objects (request_uri defaults to supported when absent).
        Assert.False(DiscoveryDocument.Flag(configuration, "request_parameter_supported", absentMeans: false));
        Assert.False(DiscoveryDocument.Flag(configuration, "request_uri_parameter_supported", absentMeans: true));
        Assert.False(DiscoveryDocument.Flag(configuration, "claims_parameter_supported", absentMeans: false));
        Assert.False(configuration.TryGetProperty("registration_endpoint", out _), "no dynamic registration is offered");

        await AssertJwksHoldsSigningKeysAsync(configuration);
    }

    private static void AssertContains(JsonElement configuration, string name, string value) =>
        Assert.True(DiscoveryDocument.Strings(configuration, name).Contains(value), $"{name} lacks {value}.");

    private async Task AssertJwksHoldsSigningKeysAsync(JsonElement configuration)
    {
        using var client = factory.NewBackChannel();
        var jwks = await client.GetAsync(new Uri(configuration.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        jwks.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await jwks.Content.ReadAsStringAsync());
        var keys = document.RootElement.GetProperty("keys").EnumerateArray().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(key.TryGetProperty("d", out _), "a private key part is published");
        });
        Assert.Equal(keys.Count, keys.Select(key => key.GetProperty("kid").GetString()).Distinct().Count());
    }
}
