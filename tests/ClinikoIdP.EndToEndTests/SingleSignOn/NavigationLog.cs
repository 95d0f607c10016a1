using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.SingleSignOn;

/// <summary>Every document request the browser makes, redirects included (each hop is its own request).</summary>
public sealed class NavigationLog
{
    private readonly ConcurrentQueue<Uri> requests = new();

    private NavigationLog()
    {
    }

    public IReadOnlyList<Uri> Requests => [.. requests];

    public static NavigationLog Attach(IBrowserContext context)
    {
        var log = new NavigationLog();
        context.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                log.requests.Enqueue(new Uri(request.Url));
            }
        };
        return log;
    }

    public void Clear() => requests.Clear();

    /// <summary>The paths requested at <paramref name="origin"/>, in order.</summary>
    public IReadOnlyList<string> PathsAt(Uri origin) =>
        [.. Requests.Where(uri => uri.GetLeftPart(UriPartial.Authority) == origin.GetLeftPart(UriPartial.Authority)).Select(uri => uri.AbsolutePath)];
}
