using System.Text.Json;
using ClinikoIdP.TestSupport.WebAuthn;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>
/// The software authenticator against ASP.NET Core Identity's own passkey handler (WebAuthn Level 3 §7.1
/// registration and §7.2 authentication ceremonies): if Identity accepts what it makes, and refuses it where a real
/// relying party must, the server's passkey tests can trust it to stand in for a browser and a platform authenticator.
/// </summary>
public sealed class SoftwareAuthenticatorTests : IDisposable
{
    private readonly IdentityPasskeyServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task RegistrationYieldsTheAuthenticatorsCredential()
    {
        var user = await server.NewUserAsync("alice");
        var authenticator = new SoftwareAuthenticator();

        var registration = await server.RegisterAsync(user, authenticator);

        Assert.True(registration.Result.Succeeded, registration.Result.Failure?.Message);
        var credential = Assert.Single(authenticator.Credentials);
        Assert.Equal([.. credential.Id], registration.Result.Passkey.CredentialId);
        Assert.Equal(user.Id, registration.Result.UserEntity.Id);
        Assert.Equal(["internal"], registration.Result.Passkey.Transports ?? []);
        Assert.Equal(0u, registration.Result.Passkey.SignCount);
        Assert.InRange(credential.Id.Count, 16, 32);
        Assert.Equal("idp.clinic.test", credential.RpId);
        Assert.Single(await server.Users.GetPasskeysAsync(user));
    }

    [Fact]
    public async Task RegistrationJsonHasEveryMemberABrowserSends()
    {
        var user = await server.NewUserAsync("alice");
        var registration = await server.RegisterAsync(user, new SoftwareAuthenticator());

        using var json = JsonDocument.Parse(registration.CredentialJson);
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("id").GetString(), root.GetProperty("rawId").GetString());
        Assert.Equal("public-key", root.GetProperty("type").GetString());
        Assert.Equal("platform", root.GetProperty("authenticatorAttachment").GetString());
        var response = root.GetProperty("response");
        Assert.Equal(-7, response.GetProperty("publicKeyAlgorithm").GetInt32());
        foreach (var member in new[] { "clientDataJSON", "attestationObject", "publicKey", "authenticatorData" })
        {
            Assert.False(string.IsNullOrEmpty(response.GetProperty(member).GetString()), member);
        }
    }

    [Fact]
    public async Task PasswordlessAssertionSignsInTheUserTheCredentialBelongsTo()
    {
        var user = await server.NewUserAsync("alice");
        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(user, authenticator);

        var first = await server.SignInAsync(authenticator);
        var second = await server.SignInAsync(authenticator);

        Assert.True(first.Succeeded, first.Failure?.Message);
        Assert.True(second.Succeeded, second.Failure?.Message);
        Assert.Equal(user.Id, second.User.Id);
        Assert.Equal(2u, second.Passkey.SignCount);
    }

    [Fact]
    public async Task AssertionForAKnownUserPicksTheAllowedCredential()
    {
        var alice = await server.NewUserAsync("alice");
        var bob = await server.NewUserAsync("bob");
        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(alice, authenticator);
        await server.RegisterAsync(bob, authenticator);

        var result = await server.SignInAsync(authenticator, alice);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(alice.Id, result.User.Id);
    }

    [Fact]
    public async Task ClonedAuthenticatorIsRefusedOnceTheOriginalHasMovedTheCounterOn()
    {
        var user = await server.NewUserAsync("alice");
        var original = new SoftwareAuthenticator();
        await server.RegisterAsync(user, original);
        await server.SignInAsync(original);
        var clone = original.Clone();
        await server.SignInAsync(original);

        var result = await server.SignInAsync(clone);

        Assert.False(result.Succeeded);
        Assert.Contains("signature counter", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CounterWoundBackIsRefused()
    {
        var user = await server.NewUserAsync("alice");
        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(user, authenticator);
        await server.SignInAsync(authenticator);
        await server.SignInAsync(authenticator);

        authenticator.SetCounter(authenticator.Credentials[0].IdBase64Url, 0);

        AssertRefused(await server.SignInAsync(authenticator), "signature counter");
    }

    [Fact]
    public async Task CounterThatStaysAtZeroIsAccepted()
    {
        var user = await server.NewUserAsync("alice");
        var authenticator = new SoftwareAuthenticator { FixedCounter = true };
        await server.RegisterAsync(user, authenticator);

        Assert.True((await server.SignInAsync(authenticator)).Succeeded);
        Assert.True((await server.SignInAsync(authenticator)).Succeeded);
    }

    [Fact]
    public async Task WrongOriginIsRefusedAtRegistrationAndSignIn()
    {
        var user = await server.NewUserAsync("alice");
        var phished = new SoftwareAuthenticator { ClaimedOrigin = "https://idp.clinic.test.evil.example" };
        AssertRefused((await server.RegisterAsync(user, phished)).Result, "invalid origin");

        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(user, authenticator);
        authenticator.ClaimedOrigin = "https://evil.example";
        AssertRefused(await server.SignInAsync(authenticator), "invalid origin");
    }

    [Fact]
    public async Task WrongRpIdIsRefusedAtRegistrationAndSignIn()
    {
        var user = await server.NewUserAsync("alice");
        var elsewhere = new SoftwareAuthenticator { ClaimedRpId = "clinic.test" };
        AssertRefused((await server.RegisterAsync(user, elsewhere)).Result, "Relying Party ID hash");

        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(user, authenticator);
        authenticator.ClaimedRpId = "evil.example";
        AssertRefused(await server.SignInAsync(authenticator), "Relying Party ID hash");
    }

    [Fact]
    public async Task UserVerificationAndBackupFlagsReachThePasskey()
    {
        using var lenient = new IdentityPasskeyServer(userVerification: "preferred");
        var user = await lenient.NewUserAsync("alice");

        var unverified = await lenient.RegisterAsync(user, new SoftwareAuthenticator { UserVerified = false });
        var synced = await lenient.RegisterAsync(user, new SoftwareAuthenticator { BackupEligible = true, BackedUp = true });

        Assert.True(unverified.Result.Succeeded, unverified.Result.Failure?.Message);
        Assert.True(synced.Result.Succeeded, synced.Result.Failure?.Message);
        Assert.False(unverified.Result.Passkey.IsUserVerified);
        Assert.False(unverified.Result.Passkey.IsBackupEligible);
        Assert.True(synced.Result.Passkey.IsUserVerified);
        Assert.True(synced.Result.Passkey.IsBackupEligible);
        Assert.True(synced.Result.Passkey.IsBackedUp);
    }

    [Fact]
    public async Task UnverifiedUserIsRefusedWhenVerificationIsRequired()
    {
        var user = await server.NewUserAsync("alice");
        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(user, authenticator);

        authenticator.UserVerified = false;

        AssertRefused(await server.SignInAsync(authenticator), "UserVerified");
        AssertRefused((await server.RegisterAsync(user, new SoftwareAuthenticator { UserVerified = false })).Result, "UserVerified");
    }

    [Fact]
    public async Task AuthenticatorRefusesToRegisterTwiceForOneUser()
    {
        var user = await server.NewUserAsync("alice");
        var authenticator = new SoftwareAuthenticator();
        await server.RegisterAsync(user, authenticator);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => server.RegisterAsync(user, authenticator));

        Assert.StartsWith("InvalidStateError", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticatorRefusesOptionsWithoutEs256()
    {
        const string options = """
            {"challenge":"AAAA","rp":{"id":"idp.clinic.test","name":"x"},"user":{"id":"AQ","name":"a","displayName":"a"},
             "pubKeyCredParams":[{"type":"public-key","alg":-257}]}
            """;

        var refusal = Assert.Throws<InvalidOperationException>(() => new SoftwareAuthenticator().Create(options, IdentityPasskeyServer.Origin));

        Assert.StartsWith("NotSupportedError", refusal.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(PasskeyAttestationResult result, string reason)
    {
        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Failure.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(PasskeyAssertionResult<TestUser> result, string reason)
    {
        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Failure.Message, StringComparison.Ordinal);
    }
}
