using ClinikoIdP.Server.Features.Connect;
using Microsoft.AspNetCore.Diagnostics;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Faults;

/// <summary>
/// Answers a failure on an endpoint that programs call (token, userinfo, introspection, revocation, discovery, JWKS)
/// in the shape they read, an OAuth error as JSON, instead of the error page meant for people: a request the
/// framework could not read is <c>invalid_request</c> (400), anything else unexpected is <c>server_error</c> (500),
/// logged once with its stack trace and never sent. Database faults are answered before this, by
/// <see cref="DatabaseFaultHandler"/>.
/// </summary>
public sealed class MachineEndpointErrorHandler(ILogger<MachineEndpointErrorHandler> logger) : IExceptionHandler
{
    public const string ServerErrorDescription =
        "The server could not complete the request. Try again; if it keeps failing, tell the identity provider's administrator.";

    public const string MalformedDescription = "The request could not be read: it is malformed or too large.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = FaultHosting.OriginalPath(httpContext);
        if (httpContext.Response.HasStarted || !ConnectRoutes.IsMachineEndpoint(path))
        {
            return false;
        }

        if (FaultHosting.IsMalformedRequest(exception))
        {
            await OAuthErrorResponse.WriteAsync(httpContext.Response, StatusCodes.Status400BadRequest, Errors.InvalidRequest, MalformedDescription);
            return true;
        }

        Log.UnhandledError(logger, exception, path);
        await OAuthErrorResponse.WriteAsync(httpContext.Response, StatusCodes.Status500InternalServerError, Errors.ServerError, ServerErrorDescription);
        return true;
    }
}
