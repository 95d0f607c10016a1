using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// One person's browser on real sockets: its own cookies and connections, redirects followed by hand while they stay
/// on the identity provider, stopping at the first one that leaves it (the clinic app's redirect URI).
/// Cookies are kept by name for the one host, whatever their path: .NET's CookieContainer refuses a cookie whose Path is
/// not a prefix of the request's (oidc-provider sets its resume cookie for /auth/{uid} from /auth), which RFC 6265 §5.3
/// allows and browsers accept.
/// </summary>
public sealed class BenchBrowser(Uri identityProvider) : IDisposable
{
    private const int MaxRedirects = 10;

    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    /// <summary>GETs the URL and follows redirects on the identity provider.</summary>
    public async Task<HttpResponseMessage> NavigateAsync(Uri url) => await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, url)));

    /// <summary>Fills in the form that holds <paramref name="field"/> on this page, submits it and follows on.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpResponseMessage page, string field, IReadOnlyDictionary<string, string> values)
    {
        var pageUri = page.RequestMessage!.RequestUri!;
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new FlowFailedException($"expected a page with the field {field}, got {(int)page.StatusCode} from {pageUri.AbsolutePath}");
        }

        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.Forms.OfType<IHtmlFormElement>().FirstOrDefault(f => f.QuerySelector($"[name='{field}']") is not null)
            ?? throw new FlowFailedException($"{pageUri.AbsolutePath} has no form with the field {field}");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && input.Type is not ("checkbox" or "radio"))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Where(pair => !values.ContainsKey(pair.Key))
            .Concat(values)
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUri : new Uri(pageUri, form.GetAttribute("action"));
        return await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) }));
    }

    /// <summary>Follows redirects (as GETs) while they stay on the identity provider; returns the last response.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; (int)response.StatusCode is >= 300 and < 400 && hops < MaxRedirects; hops++)
        {
            var target = LocationOf(response);
            if (Uri.Compare(target, identityProvider, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return response;
            }

            response.Dispose();
            response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, target));
        }

        return response;
    }

    /// <summary>The text of the first element matching a CSS selector on a page (the content is buffered, so it can be read again).</summary>
    public static async Task<string?> TextOfAsync(HttpResponseMessage page, string selector) =>
        new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector(selector)?.TextContent.Trim();

    public static Uri LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new FlowFailedException($"expected a redirect from {response.RequestMessage?.RequestUri?.AbsolutePath}, got {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        lock (cookies)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
            }
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (cookies)
            {
                foreach (var header in setCookies)
                {
                    Keep(header);
                }
            }
        }

        return response;
    }

    private void Keep(string setCookie)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var (name, value) = attributes[0].Split('=', 2) is [var n, var v] ? (n, v) : (attributes[0], "");
        var expired = attributes.Skip(1).Any(attribute =>
            attribute.Equals("max-age=0", StringComparison.OrdinalIgnoreCase)
            || (attribute.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(attribute[8..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expires)
                && expires < DateTimeOffset.UtcNow));
        if (expired)
        {
            cookies.Remove(name);
        }
        else
        {
            cookies[name] = value;
        }
    }
}
