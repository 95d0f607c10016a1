using System.Diagnostics;
using System.Text.RegularExpressions;
using ClinikoIdP.Bench.Processes;

namespace ClinikoIdP.Bench.Targets;

/// <summary>
/// ClinikoIdP published in Release with ReadyToRun by bench/run.sh (into bench/server-build), run as its own process on loopback with a fresh SQLite file (or the PostgreSQL database
/// given), seeded with the admin CLI like an operator would.
/// </summary>
public sealed partial class ClinikoIdPServer(string repositoryRoot, string workDirectory, int port, string? postgresConnectionString)
{
    public const string Scope = "patients.read";
    public const string GeneratedSecretClient = "bench";
    public const string ChosenSecretClient = "bench-chosen-secret";
    public const string WebClient = "bench-web";
    public const string WebClientRedirectUri = "https://clinic.bench.example/signed-in";

    /// <summary>The user the admin CLI creates; the flows copy it (see Flows/UserSeeding).</summary>
    public const string TemplateUserEmail = "template@bench.example";

    private string ServerDll => Path.Combine(repositoryRoot, "bench", "server-build", "ClinikoIdP.Server.dll");

    public string SqliteFile => Path.Combine(workDirectory, "clinikoidp-bench.db");

    public bool UsesPostgres => postgresConnectionString is not null;

    private Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            // Development allows plain HTTP on loopback; nothing else about the hot paths depends on it.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            // The per-address abuse limits would otherwise refuse a load generator on one address.
            ["RateLimits__Enabled"] = "false",
            ["TwoFactor__Enforcement"] = "WhenRequested",
            ["ConnectionStrings__IdP"] = postgresConnectionString ?? $"Data Source={SqliteFile}",
            ["Database__Provider"] = UsesPostgres ? "PostgreSQL" : "Sqlite",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    /// <summary>First start (creates the schema and keys), seeding, stop: what follows starts on an existing database.</summary>
    public async Task<Seeded> CreateAndSeed()
    {
        await using (await Start(new Dictionary<string, string>()))
        {
            await Admin("scope", "create", "--name", Scope, "--resource", "patient-api");
            var created = await Admin("client", "create", "--client-id", GeneratedSecretClient, "--client-credentials", "--scope", Scope);
            var generated = SecretLine().Match(created) is { Success: true } match
                ? match.Groups[1].Value.Trim()
                : throw new InvalidOperationException("admin client create printed no generated secret");
            var chosen = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await Admin("client", "create", "--client-id", ChosenSecretClient, "--secret", chosen, "--client-credentials", "--scope", Scope);
            var web = await Admin("client", "create", "--client-id", WebClient, "--redirect-uri", WebClientRedirectUri);
            var webSecret = SecretLine().Match(web) is { Success: true } webMatch
                ? webMatch.Groups[1].Value.Trim()
                : throw new InvalidOperationException("admin client create printed no generated secret for the web client");
            var password = "bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
            await CreateUser(TemplateUserEmail, password);
            return new Seeded(generated, chosen, webSecret, password);
        }
    }

    public async Task<RunningServer> Start(IReadOnlyDictionary<string, string> settings)
    {
        var clock = Stopwatch.StartNew();
        var process = ServerProcess.Start("dotnet", [ServerDll, "--urls", $"http://127.0.0.1:{port}"], Environment(settings),
            workDirectory, Path.Combine(workDirectory, "clinikoidp.log"));
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            var startup = await process.WaitUntilAnswers(new Uri(baseUri, ".well-known/openid-configuration"), clock, TimeSpan.FromSeconds(90));
            return new RunningServer("ClinikoIdP", process, baseUri, ".well-known/openid-configuration", ".well-known/jwks", "connect/token", "connect/authorize", startup);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Removes what a previous run left in a shared PostgreSQL database, so seeding can run again.</summary>
    public async Task RemovePreviousClients()
    {
        foreach (var client in new[] { GeneratedSecretClient, ChosenSecretClient, WebClient })
        {
            await Shell.Run("dotnet", [ServerDll, "admin", "client", "delete", client], Environment(new Dictionary<string, string>()), TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>A user made by the admin CLI, as an operator would (a user already there from an earlier run is kept).</summary>
    public Task CreateUser(string email, string password) => Admin("user", "create", "--email", email, "--password", password);

    private async Task<string> Admin(params string[] arguments)
    {
        var result = await Shell.Run("dotnet", [ServerDll, "admin", .. arguments], Environment(new Dictionary<string, string>()), TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0 && !result.Error.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"admin {string.Join(' ', arguments.Take(2))} failed: {result.Error.Trim()}");
        }

        return result.Output;
    }

    [GeneratedRegex(@"Client secret \(shown once, store it now\):\s*(\S+)")]
    private static partial Regex SecretLine();
}

/// <summary>
/// The client secrets and the users' password seeding produced (kept in memory and in wrk's temporary scripts only).
/// </summary>
public sealed record Seeded(string GeneratedSecret, string ChosenSecret, string WebClientSecret, string UserPassword);
