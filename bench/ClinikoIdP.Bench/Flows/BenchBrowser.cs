using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// One person's browser on real sockets: its own cookies and connections, redirects followed by hand while they stay
/// on the identity provider, stopping at the first one that leaves it (the clinic app's redirect URI).
/// </summary>
public sealed class BenchBrowser(Uri identityProvider) : IDisposable
{
    private const int MaxRedirects = 10;

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        UseCookies = true,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>GETs the URL and follows redirects on the identity provider.</summary>
    public async Task<HttpResponseMessage> NavigateAsync(Uri url) => await FollowAsync(await http.GetAsync(url));

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
        using var content = new FormUrlEncodedContent(fields);
        return await FollowAsync(await http.PostAsync(action, content));
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
            response = await http.GetAsync(target);
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
}
