using System.Diagnostics;
using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Cli;

namespace ClinikoIdP.IntegrationTests.Performance;

/// <summary>
/// Clients and scopes are kept in memory between token requests; a change made by another process (the command line
/// here, another node in a cluster) reaches this server within the refresh interval, and one that cannot wait (a new
/// client or scope) at once.
/// </summary>
public class RegistrationCacheTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string SecretLabel = "(shown once, store it now):";

    /// <summary>The command line without the factory's shortcut: the server learns of the change on its own.</summary>
    private async Task<string> ElsewhereAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommandLine.RunAsync(["admin", .. args], output, error, factory.Settings);
        Assert.True(exitCode == 0, $"admin {string.Join(' ', args)} failed ({exitCode}): {error}");
        return output.ToString();
    }

    [Fact]
    public async Task ASecretRotatedElsewhereStopsWorkingWithinTheRefreshInterval()
    {
        var machine = await Seed.MachineClientAsync(factory);
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess(); // now held in memory
        var oldSecret = machine.Secret;

        var newSecret = CliAssert.ValueAfter(await ElsewhereAsync("client", "rotate-secret", machine.ClientId), SecretLabel);
        var elapsed = Stopwatch.StartNew();
        string? error = null;
        while (elapsed.Elapsed < TimeSpan.FromSeconds(10) && error is null)
        {
            error = (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error;
            await Task.Delay(50);
        }

        Assert.Equal("invalid_client", error);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"the old secret still worked {elapsed.Elapsed} after the rotation");
        machine.Secret = newSecret;
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        machine.Secret = oldSecret;
        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
    }

    [Fact]
    public async Task AScopeAndAClientCreatedElsewhereWorkAtOnce()
    {
        var machine = await Seed.MachineClientAsync(factory);
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess(); // the scopes are now held in memory
        var scope = Seed.UniqueId("billing.read");
        var clientId = Seed.UniqueId("billing-sync");

        await ElsewhereAsync("scope", "create", "--name", scope, "--resource", "billing-api");
        var secret = CliAssert.ValueAfter(
            await ElsewhereAsync("client", "create", "--client-id", clientId, "--client-credentials", "--scope", scope), SecretLabel);
        var tokens = await new TestClient(factory, clientId, secret, "https://unused.clinic.test/", "https://unused.clinic.test/")
            .ClientCredentialsAsync(scope);

        tokens.EnsureSuccess();
        Assert.Contains("billing-api", new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken).Audiences);
    }
}
