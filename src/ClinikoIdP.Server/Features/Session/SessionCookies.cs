namespace ClinikoIdP.Server.Features.Session;

/// <summary>Names of the cookies and authentication schemes of a sign-in.</summary>
public static class SessionCookies
{
    /// <summary>The short-lived cookie of a user whose password was accepted but who has not finished signing in.</summary>
    public const string PendingScheme = "ClinikoIdP.Pending";

    public const string SessionCookieName = "ClinikoIdP.Session";

    public const string PendingCookieName = "ClinikoIdP.Pending";

    public const string AntiforgeryCookieName = "ClinikoIdP.Antiforgery";

    /// <summary>
    /// The <c>__Host-</c> prefix binds a cookie to this exact origin over HTTPS (RFC 6265bis §4.1.3.2);
    /// browsers refuse it over plain HTTP, so Development on http://localhost goes without.
    /// </summary>
    public static string WithHostPrefix(string name, bool secure) => secure ? "__Host-" + name : name;
}
