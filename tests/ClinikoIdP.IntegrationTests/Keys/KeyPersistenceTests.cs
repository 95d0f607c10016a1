using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Keys;

/// <summary>
/// Signing keys live in the database: a restarted server (or another node) publishes the same keys, tokens signed
/// before a restart stay verifiable, and a rotation publishes the new key beside the old one. Each test restarts
/// the server on one database file, so it manages its own factories instead of sharing a class fixture.
/// </summary>
public sealed class KeyPersistenceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.CreateTemporary();

    public void Dispose() => database.Dispose();

    private static async Task<string[]> PublishedKeyIdsAsync(TestClient client) =>
        [.. (await client.Tokens.GetJwksAsync()).Keys.Select(k => k.Kid)];

    private static TestClient ClientOn(IdpFactory factory, string clientId, string secret, string redirectUri) =>
        new(factory, clientId, secret, redirectUri, redirectUri);

    [Fact]
    public async Task RestartedServerPublishesTheSameKeyAndEarlierTokensStillValidate()
    {
        string keyId, accessToken, clientId, secret;
        await using (var first = IdpFactory.On(database))
        {
            var machine = await Seed.MachineClientAsync(first);
            (clientId, secret) = (machine.ClientId, machine.Secret!);
            accessToken = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess().AccessToken!;
            keyId = Assert.Single(await PublishedKeyIdsAsync(machine));
        }

        await using var second = IdpFactory.On(database);
        var sameMachine = ClientOn(second, clientId, secret, "https://unused.clinic.test/");

        Assert.Equal([keyId], await PublishedKeyIdsAsync(sameMachine));
        var validated = await sameMachine.Tokens.ValidateAccessTokenAsync(accessToken, Seed.ApiResource);
        Assert.Equal(keyId, validated.Kid);
        (await sameMachine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
    }

    [Fact]
    public async Task RotatedKeyIsPublishedBesideTheOldOneAndSignsNewTokens()
    {
        TestUser user;
        string oldKeyId, oldIdToken, clientId, secret, redirectUri;
        await using (var first = IdpFactory.On(database))
        {
            user = await Seed.UserAsync(first);
            var client = await Seed.ClientAsync(first);
            (clientId, secret, redirectUri) = (client.ClientId, client.Secret!, client.RedirectUri);
            using var browser = first.NewBrowser();
            oldIdToken = (await Journeys.SignInForTokensAsync(browser, client, user, "openid")).IdToken!;
            oldKeyId = new JsonWebToken(oldIdToken).Kid;
            Assert.Equal([oldKeyId], await PublishedKeyIdsAsync(client));
            await first.AdminOkAsync("keys", "rotate");
        }

        await using var second = IdpFactory.On(database);
        var sameClient = ClientOn(second, clientId, secret, redirectUri);
        using var newBrowser = second.NewBrowser();
        var newIdToken = (await Journeys.SignInForTokensAsync(newBrowser, sameClient, user, "openid")).IdToken!;

        var published = await PublishedKeyIdsAsync(sameClient);
        var newKeyId = new JsonWebToken(newIdToken).Kid;
        Assert.Equal(2, published.Length);
        Assert.Contains(oldKeyId, published);
        Assert.Contains(newKeyId, published);
        Assert.NotEqual(oldKeyId, newKeyId);
        Assert.Equal(newKeyId, (await sameClient.Tokens.ValidateSignedTokenAsync(newIdToken, clientId)).Kid);
        Assert.Equal(oldKeyId, (await sameClient.Tokens.ValidateSignedTokenAsync(oldIdToken, clientId)).Kid);
    }

    [Fact]
    public async Task KeysStayEncryptedAtRestInTheDatabase()
    {
        await using var factory = IdpFactory.On(database);
        var machine = await Seed.MachineClientAsync(factory);
        var jwk = Assert.Single((await machine.Tokens.GetJwksAsync()).Keys);

        var modulusStart = Base64UrlEncoder.DecodeBytes(jwk.N)[..32];

        // The database file and its write-ahead log: the private key (which embeds the modulus) must not be readable.
        foreach (var file in Directory.GetFiles(database.Directory, "idp.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(modulusStart));
        }
    }
}
