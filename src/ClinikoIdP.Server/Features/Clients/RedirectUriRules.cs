namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// What a registered redirect URI may be (RFC 9700 §2.1, §4.1): absolute, no fragment, and https except for
/// loopback addresses used in development and by native apps.
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

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return "is not an absolute URI";
        }

        if (!string.IsNullOrEmpty(parsed.Fragment) || uri.Contains('#'))
        {
            return "must not contain a fragment (#...)";
        }

        if (parsed.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (parsed.Scheme == Uri.UriSchemeHttp)
        {
            return parsed.IsLoopback ? null : "must use https:// (plain http:// is allowed only for localhost)";
        }

        return "must use https://";
    }
}
