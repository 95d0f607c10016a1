namespace ClinikoIdP.Server.Features.Common;

/// <summary>Keeps return URLs on this server so the sign-in pages are never an open redirector (RFC 9700 §4.11).</summary>
public static class LocalUrl
{
    public const int MaxLength = 8192;

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= MaxLength
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        // Browsers drop tabs and newlines inside a URL, so "/\t/evil.example" would leave the site as "//evil.example".
        && !url.Any(char.IsControl) && !url.Contains('\\');

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    /// <summary>The local path, carrying the return URL along when it is local (and dropping it otherwise).</summary>
    public static string WithReturnUrl(string path, string? returnUrl) =>
        IsLocal(returnUrl) ? $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl!)}" : path;

    /// <summary>
    /// Where to bring the browser back after a step (a second factor, an enrolment) interrupts this request: the page
    /// with its query for a GET; for a form post only the page, which is reopened rather than the post replayed.
    /// </summary>
    public static string ReopenAfterStep(HttpRequest request)
    {
        var page = request.PathBase + request.Path;
        return HttpMethods.IsGet(request.Method) ? page + request.QueryString : page.ToString();
    }
}
