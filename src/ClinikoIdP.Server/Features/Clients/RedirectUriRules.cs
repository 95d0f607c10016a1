namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// What a registered redirect URI may be (RFC 9700 §2.1, §4.1): absolute, no fragment, and https except for
/// loopback addresses used in development and by native apps. Redirect URIs are compared exactly, so a wildcard
/// would never match and is refused rather than silently stored; credentials in a URI (user:password@) would
/// travel in every redirect and are refused too.
/// </summary>
public static class RedirectUriRules
{
    public const int MaxLength = 2000;

    /// <summary>Returns null when the URI is acceptable, otherwise why not.</summary>
    public static string? Check(string uri)
    {
        if (uri.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (uri.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "must not contain spaces";
        }

        // On Linux "/path" parses as an absolute file:// URI; only a URI that spells out its scheme is absolute here.
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            || !uri.StartsWith(parsed.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return "is not an absolute URI (it must start with https://)";
        }

        if (!string.IsNullOrEmpty(parsed.Fragment) || uri.Contains('#'))
        {
            return "must not contain a fragment (#...)";
        }

        if (uri.Contains('*'))
        {
            return "must not contain a wildcard (*): redirect URIs are matched exactly";
        }

        if (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
        {
            return "must use https://";
        }

        if (parsed.Scheme == Uri.UriSchemeHttp && !parsed.IsLoopback)
        {
            return "must use https:// (plain http:// is allowed only for localhost)";
        }

        return string.IsNullOrEmpty(parsed.UserInfo) ? null : "must not contain a user name or password (user@host)";
    }
}
