using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// One server, one registered clinic app and one headless Chromium per test class. The browser is Debian's
/// (installed by test.sh), never one downloaded by Playwright. Each test opens its own contexts: a context is a fresh
/// browser profile (its own cookies), which is how "later, on another day" is played.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static readonly ViewportSize Mobile = new() { Width = 375, Height = 740 };

    /// <summary>A tablet held upright (the admin console is used on laptops and tablets).</summary>
    public static readonly ViewportSize Tablet = new() { Width = 820, Height = 1180 };

    private IPlaywright? playwright;
    private IBrowser? browser;
    private ClinicApp? app;

    public BrowserFixture()
        : this(new IdpServer())
    {
    }

    /// <summary>A fixture around a server configured differently (see <see cref="PasskeyBrowserFixture"/>).</summary>
    protected BrowserFixture(IdpServer server) => Server = server;

    public IdpServer Server { get; }

    public ClinicApp App => app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (./test.sh does).");
        // Generous upper bounds: CI runs the other test projects beside these on two cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        Server.Start();
        app = await ClinicApp.RegisterAsync(Server);
        playwright = await Playwright.CreateAsync();
        browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's headless Chromium, as every browser story uses it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    });

    /// <summary>A page in a new, empty browser profile.</summary>
    public Task<IPage> NewPageAsync(ViewportSize? viewport = null) => NewPageAsync(Server.BaseAddress, viewport);

    /// <summary>A page in a new, empty browser profile, on another server than the fixture's (one configured differently).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, ViewportSize? viewport = null)
    {
        var context = await (browser ?? throw new InvalidOperationException("The fixture has not started.")).NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            AcceptDownloads = true,
            Locale = "en-AU",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
