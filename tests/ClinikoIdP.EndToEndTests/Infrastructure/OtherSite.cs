using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// Someone else's web page, served from its own loopback port (another origin). A real server rather than a
/// Playwright route: Chromium's local-network-access checks block a frame to 127.0.0.1 from a page whose address it
/// does not know, which would hide whether the identity provider's own headers refuse the framing.
/// </summary>
public sealed class OtherSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtherSite(WebApplication app, Uri origin)
    {
        this.app = app;
        Origin = origin;
    }

    public Uri Origin { get; }

    /// <summary>Serves each path's HTML as given.</summary>
    public static async Task<OtherSite> StartAsync(IReadOnlyDictionary<string, string> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var (path, html) in pages)
        {
            app.MapGet(path, () => Results.Content(html, "text/html"));
        }

        await app.StartAsync();
        return new OtherSite(app, new Uri(app.Urls.Single()));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
