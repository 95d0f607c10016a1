using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.ScaleOut;

/// <summary>
/// ClinikoIdP as a hosting team runs it: two node processes on one PostgreSQL database, behind nginx round-robin, with
/// one public issuer (nginx's address). The nodes start together on the empty database, so they also show that
/// start-up migration takes turns. A headless Chromium reaches them only through nginx.
/// </summary>
public sealed class LoadBalancedIdp : IIdentityProvider, IAsyncLifetime
{
    private readonly List<ServerNode> nodes = [];
    private string? database;
    private Nginx? nginx;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ServerNode> Nodes => nodes;

    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var (name, connectionString) = TestPostgreSql.CreateDatabase();
        database = name;
        var ports = ServerNode.UnusedPorts(3);
        var publicPort = ports[0];
        BaseAddress = new Uri($"http://127.0.0.1:{publicPort}/");
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:IdP"] = connectionString,
            ["IdP:Issuer"] = BaseAddress.ToString(),
            ["TwoFactor:Enforcement"] = "Always",
            ["TwoFactor:Issuer"] = IdpServer.ClinicName,
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // nginx takes the public port first, so nothing else on the machine can take it while the nodes start.
        nginx = await Nginx.StartAsync(publicPort, ports[1..]);
        nodes.Add(ServerNode.Start(Settings, ports[1]));
        nodes.Add(ServerNode.Start(Settings, ports[2]));
        await Task.WhenAll(nodes.Select(node => node.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));

        playwright = await Playwright.CreateAsync();
        browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    /// <summary>Starts a new process in place of a node that died, on its port, so nginx finds it again.</summary>
    public async Task ReplaceNodeAsync(int index)
    {
        var dead = nodes[index];
        await dead.DisposeAsync();
        nodes[index] = ServerNode.Start(Settings, dead.Port);
        await nodes[index].WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>A page in a new, empty browser profile, on the public address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (browser ?? throw new InvalidOperationException("Not started.")).NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = BrowserFixture.Desktop,
            Locale = "en-AU",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public Task<string> AdminAsync(params string[] args) => IdpServer.AdminOkAsync(Settings, args);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        if (database is not null)
        {
            TestPostgreSql.DropDatabase(database);
        }
    }
}
