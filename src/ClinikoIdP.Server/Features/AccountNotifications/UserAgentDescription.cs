namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>
/// A short description of the browser and system behind a user agent ("Chrome on Windows"), for people reading a
/// security email. Only words from this class ever come out, never the header's own text: a user agent is whatever
/// the other end chose to send. Deliberately coarse: versions and device models add nothing a person would act on.
/// </summary>
public static class UserAgentDescription
{
    // Order matters: most browsers also claim the tokens of those they imitate (Edge says Chrome and Safari, Chrome
    // says Safari), so the most specific token comes first.
    private static readonly (string Token, string Browser)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"), ("Opera", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chrome"),
        ("Trident/", "Internet Explorer"), ("MSIE ", "Internet Explorer"),
        ("Safari/", "Safari"),
    ];

    // iPhones and iPads also say "Mac OS X", Android says "Linux": the narrower system comes first.
    private static readonly (string Token, string System)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("iPod", "iPod"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "Mac"), ("Mac OS X", "Mac"),
        ("Linux", "Linux"),
    ];

    /// <summary>"Chrome on Windows", "Safari on iPhone", "Firefox"; null when nothing in it is recognised.</summary>
    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = BrowserOf(userAgent);
        var system = SystemOf(userAgent);
        return (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"a browser or app on {system}",
            _ => null,
        };
    }

    /// <summary>"Chrome", "Safari", …; null when no browser is recognised.</summary>
    public static string? BrowserOf(string? userAgent) => FirstMatch(userAgent, Browsers);

    /// <summary>"Windows", "iPhone", "Mac", …; null when no system is recognised.</summary>
    public static string? SystemOf(string? userAgent) => FirstMatch(userAgent, Systems);

    private static string? FirstMatch(string? userAgent, (string Token, string Name)[] candidates)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        foreach (var (token, name) in candidates)
        {
            if (userAgent.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}
