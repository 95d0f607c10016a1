using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>
/// Generated (256-bit) secrets are stored as SHA-256, administrator-chosen ones (of any length) keep OpenIddict's
/// PBKDF2, and a secret stored by OpenIddict before this scheme still works.
/// </summary>
public class ClientSecretStorageTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task GeneratedSecretIsStoredAsSha256AndWorks()
    {
        var machine = await MachineClientAsync(secret: null);

        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        Assert.StartsWith("sha256:", await StoredSecretAsync(machine.ClientId), StringComparison.Ordinal);
        machine.Secret = machine.Secret![..^1] + (machine.Secret[^1] == 'A' ? 'B' : 'A');
        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
    }

    [Theory]
    [InlineData("a-chosen-secret-")]
    [InlineData("a long passphrase an administrator typed, long enough to look random: ")]
    public async Task ChosenSecretKeepsOpenIddictsPasswordHashWhateverItsLength(string prefix)
    {
        var machine = await MachineClientAsync(secret: prefix + Guid.NewGuid().ToString("N")[..8]);

        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        Assert.False((await StoredSecretAsync(machine.ClientId)).StartsWith("sha256:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARememberedChosenSecretStopsWorkingTheMomentItIsRotated()
    {
        var machine = await MachineClientAsync(secret: "a-chosen-secret-" + Guid.NewGuid().ToString("N")[..8]);
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        await factory.AdminOkAsync("client", "rotate-secret", machine.ClientId);

        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
    }

    [Fact]
    public async Task LongSecretStoredWithOpenIddictsPbkdf2BeforeTheUpgradeStillWorks()
    {
        var machine = await MachineClientAsync(secret: null);
        await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == machine.ClientId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.ClientSecret, OpenIddictPbkdf2(machine.Secret!))));

        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        machine.Secret += "x";
        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
    }

    private async Task<TestClient> MachineClientAsync(string? secret)
    {
        await Seed.ApiScopeAsync(factory);
        var clientId = Seed.UniqueId("machine");
        string[] chosen = secret is null ? [] : ["--secret", secret];
        var output = await factory.AdminOkAsync(["client", "create", "--client-id", clientId, "--client-credentials", "--scope", Seed.ApiScope, .. chosen]);
        secret ??= CliAssert.ValueAfter(output, "(shown once, store it now):");
        return new TestClient(factory, clientId, secret, "https://unused.clinic.test/", "https://unused.clinic.test/");
    }

    private Task<string> StoredSecretAsync(string clientId) =>
        factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.ClientSecret!).SingleAsync());

    /// <summary>OpenIddict 7's stored format: 0x01, PRF, iterations, salt length (big-endian), salt, subkey.</summary>
    private static string OpenIddictPbkdf2(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, 10_000, HashAlgorithmName.SHA256, 32);
        var stored = new byte[13 + salt.Length + subkey.Length];
        stored[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(stored.AsSpan(1), 1); // KeyDerivationPrf.HMACSHA256
        BinaryPrimitives.WriteUInt32BigEndian(stored.AsSpan(5), 10_000);
        BinaryPrimitives.WriteUInt32BigEndian(stored.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(stored, 13);
        subkey.CopyTo(stored, 13 + salt.Length);
        return Convert.ToBase64String(stored);
    }
}
