using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>Creates users, clients and scopes the way an operator does: with the admin command line.</summary>
public static class Seed
{
    public const string ApiScope = "patients.read";
    public const string ApiResource = "patient-api";

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static async Task<TestUser> UserAsync(IdpFactory factory, string? name = null)
    {
        var id = UniqueId("staff");
        var user = new TestUser($"{id}@clinic.test", $"quiet river {id} lantern", name ?? $"Dr {id}");
        await factory.AdminOkAsync("user", "create", "--email", user.Email, "--password", user.Password, "--name", user.Name);
        return user;
    }

    /// <summary>Makes sure the patients.read scope for the patient-api resource exists (created once per server).</summary>
    public static Task ApiScopeAsync(IdpFactory factory) => factory.ApiScopeAsync();

    /// <summary>A confidential interactive client; extra CLI options (e.g. --third-party, --scope) are appended.</summary>
    public static async Task<TestClient> ClientAsync(IdpFactory factory, params string[] options)
    {
        var clientId = UniqueId("app");
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        var redirectUri = $"https://{clientId}.clinic.test/signin-oidc";
        var postLogoutUri = $"https://{clientId}.clinic.test/signed-out";
        await factory.AdminOkAsync([
            "client", "create", "--client-id", clientId, "--secret", secret,
            "--redirect-uri", redirectUri, "--post-logout-redirect-uri", postLogoutUri, .. options,
        ]);
        return new TestClient(factory, clientId, secret, redirectUri, postLogoutUri);
    }

    /// <summary>A confidential client that may request the API scope as well as the standard ones.</summary>
    public static async Task<TestClient> ApiClientAsync(IdpFactory factory, params string[] options)
    {
        await ApiScopeAsync(factory);
        return await ClientAsync(factory, [
            "--scope", "openid", "--scope", "profile", "--scope", "email", "--scope", "offline_access", "--scope", ApiScope, .. options,
        ]);
    }

    /// <summary>
    /// The patient API registered as a confidential client named after its resource, so it may introspect the access
    /// tokens issued for it (OpenIddict shows a token's scopes only to its audiences). Created once per database.
    /// </summary>
    public static async Task<TestClient> ResourceServerAsync(IdpFactory factory)
    {
        await ApiScopeAsync(factory);
        const string Secret = "patient-api-introspection-secret";
        var result = await factory.AdminAsync(
            "client", "create", "--client-id", ApiResource, "--secret", Secret, "--client-credentials", "--scope", ApiScope);
        Assert.True(result.ExitCode == 0 || result.Error.Contains("already exists", StringComparison.Ordinal), result.Error);
        return new TestClient(factory, ApiResource, Secret, "https://unused.clinic.test/", "https://unused.clinic.test/");
    }

    /// <summary>A machine-to-machine client (client credentials only) allowed the API scope.</summary>
    public static async Task<TestClient> MachineClientAsync(IdpFactory factory)
    {
        await ApiScopeAsync(factory);
        var clientId = UniqueId("machine");
        var secret = "m4chine-" + Guid.NewGuid().ToString("N");
        await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--secret", secret, "--client-credentials", "--scope", ApiScope);
        return new TestClient(factory, clientId, secret, "https://unused.clinic.test/", "https://unused.clinic.test/");
    }
}
