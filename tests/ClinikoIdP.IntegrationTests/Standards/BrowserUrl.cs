namespace ClinikoIdP.IntegrationTests.Standards;

/// <summary>
/// Where a browser really goes for a URL found in a Location header or a link: the WHATWG URL parser strips
/// leading and trailing spaces and control characters, drops every tab and newline, and reads a backslash as a slash,
/// so "/\t/evil.example" and "/\evil.example" both leave the site.
/// </summary>
public static class BrowserUrl
{
    public static Uri Resolve(Uri page, string url)
    {
        var cleaned = new string([.. url.Trim(ControlsAndSpace).Where(c => c is not ('\t' or '\n' or '\r'))]).Replace('\\', '/');
        return Uri.TryCreate(page, cleaned, out var resolved) ? resolved : new Uri("about:invalid");
    }

    /// <summary>True when the browser would stay on the identity provider (an unparseable URL goes nowhere).</summary>
    public static bool StaysOnIdentityProvider(Uri page, string url)
    {
        var target = Resolve(page, url);
        return target.Scheme == "about" || Infrastructure.Browser.IsOnIdentityProvider(target);
    }

    private static readonly char[] ControlsAndSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];
}
