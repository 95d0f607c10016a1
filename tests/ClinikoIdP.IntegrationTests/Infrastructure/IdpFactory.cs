using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Cli;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// The whole server in memory, configured as a production-like "Testing" host (HTTPS, __Host- cookies) on its own
/// SQLite file, with a fake clock that tests move forward instead of sleeping. One per test class (IClassFixture).
/// Second factors are asked for only when requested (<c>TwoFactor:Enforcement=WhenRequested</c>), so protocol tests
/// can sign in with a password; <see cref="AlwaysTwoFactorIdpFactory"/> runs the product's default policy.
/// </summary>
public class IdpFactory : WebApplicationFactory<Program>
{
    public static readonly Uri BaseAddress = new("https://localhost/");

    static IdpFactory()
    {
        // Hundreds of in-process servers and admin hosts run side by side here; each would otherwise hold inotify
        // watches on its configuration files and wwwroot, and Linux allows a user 128 inotify instances by default.
        // Polling watchers (and no configuration reload) leave that limit alone; nothing in a test edits those files.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private IHost? host;
    private readonly Lock startLock = new();
    private readonly Lazy<Task<TestUser>> standardUser;
    private readonly Lazy<Task<TestClient>> standardClient;
    private readonly Lazy<Task> apiScope;

    public IdpFactory()
        : this(TestDatabase.CreateTemporary(), ownsDatabase: true, TwoFactorEnforcement.WhenRequested)
    {
    }

    /// <summary>A server on its own database with the given <c>TwoFactor:Enforcement</c>.</summary>
    protected IdpFactory(TwoFactorEnforcement enforcement)
        : this(TestDatabase.CreateTemporary(), ownsDatabase: true, enforcement)
    {
    }

    /// <summary>A server on its own database with the given enforcement and extra settings (added or overriding).</summary>
    protected IdpFactory(TwoFactorEnforcement enforcement, IReadOnlyDictionary<string, string?> extraSettings)
        : this(TestDatabase.CreateTemporary(), ownsDatabase: true, enforcement, extraSettings)
    {
    }

    /// <summary>A server on <paramref name="database"/> (disposed with the server only when it <paramref name="ownsDatabase"/>).</summary>
    protected IdpFactory(
        TestDatabase database, bool ownsDatabase, TwoFactorEnforcement enforcement, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:IdP"] = database.ConnectionString,
            ["IdP:Issuer"] = BaseAddress.ToString(),
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["TwoFactor:Enforcement"] = enforcement.ToString(),
        };
        foreach (var (key, value) in GenerousRateLimits)
        {
            ((Dictionary<string, string?>)Settings)[key] = value;
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            ((Dictionary<string, string?>)Settings)[key] = value;
        }

        standardUser = new(() => Seed.UserAsync(this));
        standardClient = new(() => Seed.ApiClientAsync(this));
        apiScope = new(() => AdminOkAsync("scope", "create", "--name", Seed.ApiScope, "--resource", Seed.ApiResource));
    }

    /// <summary>
    /// The rate limiter stays on (its form reading runs under every test) but out of the way: a test class signs the
    /// same account in far more often than ten times a minute, all from one address.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> GenerousRateLimits { get; } =
        Enum.GetNames<Server.Features.RateLimits.LimitedAction>()
            .SelectMany(action => new[] { "PerAddress", "PerAccount" }.Select(scope => $"RateLimits:{action}:{scope}:PermitLimit"))
            .ToDictionary(key => key, _ => (string?)"1000000");

    /// <summary>A server on an existing database that outlives it (to restart the server on the same state).</summary>
    public static IdpFactory On(
        TestDatabase database,
        TwoFactorEnforcement enforcement = TwoFactorEnforcement.WhenRequested,
        FakeTimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null) =>
        new(database, ownsDatabase: false, enforcement, extraSettings) { Clock = clock ?? new(DateTimeOffset.UtcNow) };

    /// <summary>The server's clock (ASP.NET Core, Identity and OpenIddict all read it from the container).</summary>
    public FakeTimeProvider Clock { get; init; } = new(DateTimeOffset.UtcNow);

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>
    /// WebApplicationFactory starts its host on first use without a lock, so tests that first touch the factory from
    /// several tasks at once would start several hosts on one database file; this starts exactly one.
    /// </summary>
    public override IServiceProvider Services
    {
        get
        {
            lock (startLock)
            {
                return base.Services;
            }
        }
    }

    /// <summary>
    /// A user shared by the tests of one class, for tests that do not change the account (the admin command line
    /// costs a host start per call, so creating fresh ones everywhere would slow the suite down).
    /// </summary>
    public Task<TestUser> StandardUserAsync() => standardUser.Value;

    /// <summary>A confidential first-party client allowed the standard scopes and patients.read, shared like the user.</summary>
    public Task<TestClient> StandardClientAsync() => standardClient.Value;

    /// <summary>Creates the patients.read scope (for the patient-api resource) the first time it is asked for.</summary>
    public Task ApiScopeAsync() => apiScope.Value;

    /// <summary>A new browser: its own cookie jar, redirects followed by hand.</summary>
    public Browser NewBrowser() => new(this);

    /// <summary>A client for back-channel calls (token, introspection, revocation, userinfo): no cookies.</summary>
    public HttpClient NewBackChannel() => CreateDefaultClient(BaseAddress);

    /// <summary>Runs <c>admin ARGS…</c> in-process against this server's database.</summary>
    public async Task<CliResult> AdminAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommandLine.RunAsync(["admin", .. args], output, error, Settings);

        // The command line is another process as far as the server knows: it sees a changed client or scope at the
        // watcher's next round (each second). Run that round now rather than wait; RegistrationCacheTests waits instead.
        if (host is not null)
        {
            await host.Services.GetRequiredService<Server.Features.RegistrationCache.RegistrationWatcher>().CheckAsync(CancellationToken.None);
        }

        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs an admin command that must succeed and returns what it printed.</summary>
    public async Task<string> AdminOkAsync(params string[] args)
    {
        var result = await AdminAsync(args);
        Assert.True(result.ExitCode == 0, $"admin {string.Join(' ', args)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }

    /// <summary>Reads the server's database directly, for facts no page shows (stored secrets, the audit trail).</summary>
    public async Task<T> QueryAsync<T>(Func<IdpDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdpDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var created = base.CreateHost(builder);
        host = created;
        return created;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            database.Dispose();
        }
    }
}
