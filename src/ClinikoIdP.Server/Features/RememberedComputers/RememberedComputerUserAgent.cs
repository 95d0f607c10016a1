namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// The browser and operating system a person sees in their list of remembered computers, read from the User-Agent
/// header. Only names from this class are ever stored, never the header's own text: a user agent is whatever the
/// other end chose to send. Coarse on purpose: a person recognises "Chrome on Windows", not a version number.
/// </summary>
public static class RememberedComputerUserAgent
{
    public const string Unknown = "Unknown";

    // Most browsers also claim the tokens of those they imitate (Edge says Chrome and Safari, Chrome says Safari), so
    // the most specific token comes first.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    // iPhones and iPads also say "Mac OS X", Android and ChromeOS say "Linux": the narrower system comes first.
    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iOS"), ("iPod", "iOS"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    public static (string Browser, string OperatingSystem) Parse(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent)
            ? (Unknown, Unknown)
            : (FirstMatch(userAgent, Browsers), FirstMatch(userAgent, Systems));

    private static string FirstMatch(string userAgent, (string Token, string Name)[] candidates)
    {
        foreach (var (token, name) in candidates)
        {
            if (userAgent.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return Unknown;
    }
}
