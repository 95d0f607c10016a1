using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Turns a session's stored facts into words an administrator recognises ("Firefox on Windows").</summary>
public static class SessionDescriptions
{
    public static string Browser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        // Order matters: Edge and Opera also name Chrome, Chrome also names Safari.
        var browser = userAgent switch
        {
            _ when Has(userAgent, "Edg/") => "Edge",
            _ when Has(userAgent, "OPR/") => "Opera",
            _ when Has(userAgent, "Firefox/") => "Firefox",
            _ when Has(userAgent, "Chrome/") || Has(userAgent, "Chromium/") => "Chrome",
            _ when Has(userAgent, "Safari/") => "Safari",
            _ => "Other browser",
        };
        var system = userAgent switch
        {
            _ when Has(userAgent, "iPhone") => "iPhone",
            _ when Has(userAgent, "iPad") => "iPad",
            _ when Has(userAgent, "Android") => "Android",
            _ when Has(userAgent, "Windows") => "Windows",
            _ when Has(userAgent, "CrOS") => "ChromeOS",
            _ when Has(userAgent, "Mac OS X") || Has(userAgent, "Macintosh") => "macOS",
            _ when Has(userAgent, "Linux") => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} on {system}";
    }

    /// <summary>How the session signed in, from its RFC 8176 <c>amr</c> values.</summary>
    public static string Methods(string? methods)
    {
        var values = (methods ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return values switch
        {
            _ when values.Contains(Amr.OneTimePassword) => "Password + authenticator app",
            _ when values.Contains(Amr.RecoveryCode) => "Password + backup code",
            _ when values.Contains(Amr.MultipleFactor) => "Password + second factor",
            _ when values.Contains(Amr.RememberedComputer) => "Password on a remembered computer",
            _ when values.Contains(Amr.Password) => "Password only",
            _ => "Unknown",
        };
    }

    private static bool Has(string userAgent, string token) => userAgent.Contains(token, StringComparison.Ordinal);
}
