using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Cli;

/// <summary><c>admin client create|list|show|delete|rotate-secret</c>, their refusals, and what the token endpoint then accepts.</summary>
public class AdminClientCommandTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string SecretLabel = "(shown once, store it now):";

    private async Task<TestClient> CreateMachineClientWithGeneratedSecretAsync()
    {
        await Seed.ApiScopeAsync(factory);
        var clientId = Seed.UniqueId("machine");
        var output = await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--client-credentials", "--scope", Seed.ApiScope);
        var secret = CliAssert.ValueAfter(output, SecretLabel);
        return new TestClient(factory, clientId, secret, "https://unused.clinic.test/", "https://unused.clinic.test/");
    }

    [Fact]
    public async Task GeneratedSecretIsPrintedOnceAndWorksAtTheTokenEndpoint()
    {
        var machine = await CreateMachineClientWithGeneratedSecretAsync();

        var tokens = await machine.ClientCredentialsAsync(Seed.ApiScope);
        var shown = await factory.AdminOkAsync("client", "show", machine.ClientId);

        tokens.EnsureSuccess();
        Assert.True(machine.Secret!.Length >= 32, machine.Secret);
        Assert.DoesNotContain(machine.Secret, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChosenSecretIsNotEchoed()
    {
        const string Secret = "a-chosen-secret-for-this-app";

        var output = await factory.AdminOkAsync(
            "client", "create", "--client-id", Seed.UniqueId("app"), "--secret", Secret, "--redirect-uri", "https://chosen.clinic.test/cb");

        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateSecretMakesTheOldSecretFailAndTheNewOneWork()
    {
        var machine = await CreateMachineClientWithGeneratedSecretAsync();
        var oldSecret = machine.Secret;

        var output = await factory.AdminOkAsync("client", "rotate-secret", machine.ClientId);
        var newSecret = CliAssert.ValueAfter(output, SecretLabel);

        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
        machine.Secret = newSecret;
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
    }

    [Fact]
    public async Task ListShowsRegisteredClients()
    {
        var client = await factory.StandardClientAsync();
        var machine = await CreateMachineClientWithGeneratedSecretAsync();

        var output = await factory.AdminOkAsync("client", "list");

        Assert.Contains(output.Split('\n'), l => l.StartsWith(client.ClientId + " ", StringComparison.Ordinal) && l.Contains("confidential", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.StartsWith(machine.ClientId + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowPrintsTheRegistration()
    {
        var client = await Seed.ClientAsync(factory, "--display-name", "Clinic Bookings", "--third-party");

        var output = await factory.AdminOkAsync("client", "show", client.ClientId);

        Assert.Equal(client.ClientId, CliAssert.ValueAfter(output, "Client id:"));
        Assert.Equal("Clinic Bookings", CliAssert.ValueAfter(output, "Display name:"));
        Assert.Equal("confidential", CliAssert.ValueAfter(output, "Type:"));
        Assert.Equal("explicit", CliAssert.ValueAfter(output, "Consent:"));
        Assert.Equal(client.RedirectUri, CliAssert.ValueAfter(output, "Redirect URI:"));
        Assert.Equal(client.PostLogoutRedirectUri, CliAssert.ValueAfter(output, "Post-logout URI:"));
    }

    [Fact]
    public async Task DeleteRemovesTheClientAndEverythingIssuedToIt()
    {
        var (user, client) = (await factory.StandardUserAsync(), await Seed.ClientAsync(factory));
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);

        await factory.AdminOkAsync("client", "delete", client.ClientId);

        Assert.Equal("invalid_client", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
        CliAssert.Failed(await factory.AdminAsync("client", "show", client.ClientId), 1, client.ClientId);
        Assert.DoesNotContain(client.ClientId, await factory.AdminOkAsync("client", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicClientSignsInWithPkceAndNoSecret()
    {
        var clientId = Seed.UniqueId("spa");
        var redirectUri = $"https://{clientId}.clinic.test/cb";
        var output = await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--public", "--redirect-uri", redirectUri);
        var client = new TestClient(factory, clientId, null, redirectUri, redirectUri);
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest("openid");

        var response = await Journeys.SignInAsync(browser, request, await factory.StandardUserAsync());
        var tokens = await client.RedeemCodeAsync(response.Code!, request.Pkce.Verifier, ClientAuthentication.None);

        Assert.DoesNotContain("secret", output, StringComparison.OrdinalIgnoreCase);
        tokens.EnsureSuccess();
    }

    [Theory]
    [InlineData("client", "show", "no-such-app")]
    [InlineData("client", "delete", "no-such-app")]
    [InlineData("client", "rotate-secret", "no-such-app")]
    public async Task UnknownClientFailsWithOneErrorLine(params string[] args)
    {
        CliAssert.Failed(await factory.AdminAsync(args), 1, "no-such-app");
    }

    [Theory]
    [InlineData("--secret", "too-short", "--redirect-uri", "https://a.clinic.test/cb")]
    [InlineData("--redirect-uri", "http://a.clinic.test/cb")]
    [InlineData("--redirect-uri", "https://a.clinic.test/cb#fragment")]
    [InlineData("--redirect-uri", "not-a-uri")]
    [InlineData("--redirect-uri", "https://a.clinic.test/cb", "--scope", "no.such.scope")]
    [InlineData("--secret", "long-enough-secret-value")]
    public async Task InvalidRegistrationFailsWithOneErrorLine(params string[] options)
    {
        var result = await factory.AdminAsync(["client", "create", "--client-id", Seed.UniqueId("bad"), .. options]);

        CliAssert.Failed(result, 1);
    }

    [Fact]
    public async Task DuplicateClientIdFailsWithOneErrorLine()
    {
        var client = await factory.StandardClientAsync();

        var result = await factory.AdminAsync("client", "create", "--client-id", client.ClientId, "--redirect-uri", "https://b.clinic.test/cb");

        CliAssert.Failed(result, 1, "already exists");
    }

    [Fact]
    public async Task RotatingThePublicClientsSecretFails()
    {
        var clientId = Seed.UniqueId("spa");
        await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--public", "--redirect-uri", "https://spa.clinic.test/cb");

        CliAssert.Failed(await factory.AdminAsync("client", "rotate-secret", clientId), 1, "public");
    }
}
