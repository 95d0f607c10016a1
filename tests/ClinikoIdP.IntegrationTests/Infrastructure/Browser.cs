using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// A test browser: keeps cookies, never follows redirects on its own. <see cref="FollowAsync"/> follows redirects
/// that stay on the identity provider and stops at the first one that leaves it (the clinic app's redirect URI).
/// Given several servers on one database (nodes behind a load balancer), it sends each request to the next one in turn.
/// </summary>
public sealed class Browser : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HttpClient[] nodes;
    private int sent;

    public Browser(params IdpFactory[] nodes)
    {
        Cookies = new CookieContainer();
        this.nodes = [.. nodes.Select(node => node.CreateDefaultClient(IdpFactory.BaseAddress, new CookieContainerHandler(Cookies)))];
    }

    private HttpClient http => nodes[(Interlocked.Increment(ref sent) - 1) % nodes.Length];

    public CookieContainer Cookies { get; }

    /// <summary>True once the identity provider has issued its session cookie (the user is fully signed in).</summary>
    public bool HasSessionCookie => Cookies.GetCookies(IdpFactory.BaseAddress)
        .Any(cookie => cookie.Name.EndsWith(SessionCookies.SessionCookieName, StringComparison.Ordinal));

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Sends a request of any shape (a script's JSON POST) with this browser's cookies.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    /// <summary>GETs the URL and follows redirects on the identity provider.</summary>
    public async Task<HttpResponseMessage> NavigateAsync(string url) => await FollowAsync(await GetAsync(url));

    /// <summary>Follows redirects (as GETs) while they stay on the identity provider.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; IsRedirect(response) && hops < MaxRedirects; hops++)
        {
            var target = LocationOf(response);
            if (!IsOnIdentityProvider(target))
            {
                return response;
            }

            response = await http.GetAsync(target);
        }

        return response;
    }

    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    /// <summary>The absolute redirect target of a response.</summary>
    public static Uri LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    public static bool IsOnIdentityProvider(Uri uri) =>
        Uri.Compare(uri, IdpFactory.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public void Dispose()
    {
        foreach (var node in nodes)
        {
            node.Dispose();
        }
    }
}
