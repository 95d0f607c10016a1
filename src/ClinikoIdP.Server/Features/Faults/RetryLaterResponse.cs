using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClinikoIdP.Server.Features.Connect;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Faults;

/// <summary>
/// A "try again later" answer (429 or 503 with Retry-After) in the shape the caller reads: an OAuth error for
/// machine endpoints, <c>{"error": …}</c> for the pages' scripts (JSON posts), and otherwise a small page. The page
/// is written here, not rendered by the error page, because that would run the request pipeline again (session
/// checks included), which cannot work while the database is down.
/// </summary>
public static class RetryLaterResponse
{
    /// <param name="path">The path the caller asked for (the exception handler has already moved the request to the error path).</param>
    public static async Task WriteAsync(
        HttpContext context, PathString path, int status, string title, string message, int retryAfterSeconds)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (ConnectRoutes.IsMachineEndpoint(path))
        {
            // temporarily_unavailable (RFC 6749 §4.1.2.1) is the OAuth error client libraries read as "retry later";
            // slow_down is defined only for device-flow polling (RFC 8628 §3.5) and other clients don't know it.
            await OAuthErrorResponse.WriteAsync(response, status, Errors.TemporarilyUnavailable, message);
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            await response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = message }, context.RequestAborted);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page(title, message, status), context.RequestAborted);
    }

    private static string Page(string title, string message, int status)
    {
        var html = HtmlEncoder.Default;
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <title>{{html.Encode(title)}} · ClinikoIdP</title>
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
                <header class="topbar"><a class="brand" href="/"><span class="brand-name">ClinikoIdP</span></a></header>
                <main class="page" id="main">
                    <section class="card narrow" aria-labelledby="error-title">
                        <h1 id="error-title">{{html.Encode(title)}}</h1>
                        <p class="lead">{{html.Encode(message)}}</p>
                        <p class="muted">Status {{status}}</p>
                    </section>
                </main>
            </body>
            </html>
            """;
    }
}
