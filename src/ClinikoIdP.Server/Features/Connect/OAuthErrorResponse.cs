using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// An OAuth error answer written outside OpenIddict (by middleware or an exception handler), in the shape its own
/// errors have: <c>{"error": …, "error_description": …}</c>, never cached (RFC 6749 §5.2).
/// </summary>
public static class OAuthErrorResponse
{
    public static Task WriteAsync(HttpResponse response, int status, string error, string description)
    {
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return response.WriteAsJsonAsync(
            new Dictionary<string, string> { [Parameters.Error] = error, [Parameters.ErrorDescription] = description },
            response.HttpContext.RequestAborted);
    }
}
