using System.Security.Cryptography;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>
/// private_key_jwt (RFC 7523, OIDC Core §9): a client given its public keys with <c>admin client set-keys</c>
/// authenticates with an assertion signed by its private key; nothing the server stores could sign one.
/// </summary>
public sealed class PrivateKeyJwtTests(IdpFactory factory) : IClassFixture<IdpFactory>, IDisposable
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly ECDsa clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string keyFile = Path.Combine(Path.GetTempPath(), $"client-jwks-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task AClientWithKeysGetsATokenWithASignedAssertionAndKeysOnlyRetiresItsSecret()
    {
        var machine = await Seed.MachineClientAsync(factory);
        WriteKeySet(includePrivate: false);

        var output = await factory.AdminOkAsync("client", "set-keys", machine.ClientId, "--jwks", keyFile, "--keys-only");

        Assert.Contains("private_key_jwt", output, StringComparison.Ordinal);
        (await RequestTokenAsync(machine, Assertion(machine.ClientId, clientKey))).EnsureSuccess();
        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
        Assert.Contains("Assertion keys:  1", await factory.AdminOkAsync("client", "show", machine.ClientId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssertionSignedByAnotherKeyOrNotAddressedToTheIssuerIsRefused()
    {
        var machine = await Seed.MachineClientAsync(factory);
        WriteKeySet(includePrivate: false);
        await factory.AdminOkAsync("client", "set-keys", machine.ClientId, "--jwks", keyFile);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal("invalid_client", (await RequestTokenAsync(machine, Assertion(machine.ClientId, stranger))).Error);
        var misaddressed = await RequestTokenAsync(
            machine, Assertion(machine.ClientId, clientKey, audience: new Uri(IdpFactory.BaseAddress, "connect/token").ToString()));
        Assert.Equal("invalid_client", misaddressed.Error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, misaddressed.Status);
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
    }

    [Fact]
    public async Task AnAssertionIsAcceptedOnceAndAReplayOfItIsRefused()
    {
        // OIDC Core §9: a client assertion's jti "MUST only be used once". Someone who captured one (a log, a proxy)
        // must not be able to get tokens with it while it has not expired.
        var machine = await KeysOnlyClientAsync();
        var assertion = Assertion(machine.ClientId, clientKey);

        (await RequestTokenAsync(machine, assertion)).EnsureSuccess();
        var replayed = await RequestTokenAsync(machine, assertion);

        Assert.Equal("invalid_client", replayed.Error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, replayed.Status);
        (await RequestTokenAsync(machine, Assertion(machine.ClientId, clientKey))).EnsureSuccess();
    }

    [Fact]
    public async Task OneAssertionSentManyTimesAtOnceGetsExactlyOneToken()
    {
        var machine = await KeysOnlyClientAsync();
        var assertion = Assertion(machine.ClientId, clientKey);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RequestTokenAsync(machine, assertion)));

        Assert.Single(answers, answer => answer.Status == System.Net.HttpStatusCode.OK);
        Assert.All(answers.Where(answer => answer.Status != System.Net.HttpStatusCode.OK), answer => Assert.Equal("invalid_client", answer.Error));
    }

    [Fact]
    public async Task AnAssertionWithoutAJtiIsRefused()
    {
        var machine = await KeysOnlyClientAsync();

        var refused = await RequestTokenAsync(machine, Assertion(machine.ClientId, clientKey, jti: null));

        Assert.Equal("invalid_client", refused.Error);
    }

    [Fact]
    public async Task AKeySetWithPrivateKeyMaterialIsRefused()
    {
        var machine = await Seed.MachineClientAsync(factory);
        WriteKeySet(includePrivate: true);

        var result = await factory.AdminAsync("client", "set-keys", machine.ClientId, "--jwks", keyFile);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("private key material", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoveryAdvertisesPrivateKeyJwt()
    {
        using var backChannel = factory.NewBackChannel();
        using var discovery = JsonDocument.Parse(await backChannel.GetStringAsync("/.well-known/openid-configuration"));

        Assert.Contains("private_key_jwt", discovery.RootElement.GetProperty("token_endpoint_auth_methods_supported")
            .EnumerateArray().Select(method => method.GetString()));
    }

    public void Dispose()
    {
        clientKey.Dispose();
        File.Delete(keyFile);
    }

    /// <summary>A machine client that authenticates only with assertions signed by <see cref="clientKey"/>.</summary>
    private async Task<TestClient> KeysOnlyClientAsync()
    {
        var machine = await Seed.MachineClientAsync(factory);
        WriteKeySet(includePrivate: false);
        await factory.AdminOkAsync("client", "set-keys", machine.ClientId, "--jwks", keyFile, "--keys-only");
        return machine;
    }

    private void WriteKeySet(bool includePrivate)
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(clientKey) { KeyId = "app-key-1" });
        var key = new Dictionary<string, string> { ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = jwk.Kid, ["use"] = "sig" };
        if (includePrivate)
        {
            key["d"] = jwk.D;
        }

        File.WriteAllText(keyFile, JsonSerializer.Serialize(new { keys = new[] { key } }));
    }

    private string Assertion(string clientId, ECDsa key, string? audience = null, string? jti = "") => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = clientId,
            // draft-ietf-oauth-rfc7523bis (which OpenIddict 7 follows): the issuer is the only audience, and the
            // explicit typ keeps an assertion from passing for any other kind of JWT (CVE-2025-27370).
            Audience = audience ?? IdpFactory.BaseAddress.ToString(),
            TokenType = "client-authentication+jwt",
            Claims = jti is null
                ? new Dictionary<string, object> { ["sub"] = clientId }
                : new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = jti.Length > 0 ? jti : Guid.NewGuid().ToString("N") },
            Expires = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(2),
            IssuedAt = factory.Clock.GetUtcNow().UtcDateTime,
            NotBefore = factory.Clock.GetUtcNow().UtcDateTime,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "app-key-1" }, SecurityAlgorithms.EcdsaSha256),
        });

    private static async Task<TokenResponse> RequestTokenAsync(TestClient machine, string assertion) =>
        await TokenResponse.ReadAsync(await machine.PostAsync("/connect/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = Seed.ApiScope,
            ["client_assertion_type"] = AssertionType,
            ["client_assertion"] = assertion,
        }, ClientAuthentication.None));
}
