using Microsoft.AspNetCore.Diagnostics;

namespace ClinikoIdP.Server.Features.Faults;

/// <summary>
/// Answers 503 with Retry-After when a request failed because the database can't be reached: nothing the person
/// entered was kept (each change is one transaction), so trying again later is the right advice. One warning line,
/// no stack trace; other exceptions go on to the error page as before.
/// </summary>
public sealed class DatabaseFaultHandler(ILogger<DatabaseFaultHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 60;

    public const string Title = "ClinikoIdP can't reach its database";

    public const string Message =
        "ClinikoIdP can't reach its database, so nothing you entered was saved. Please try again in a minute.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseFault.Find(exception) is not { } fault || httpContext.Response.HasStarted)
        {
            return false;
        }

        var path = FaultHosting.OriginalPath(httpContext);
        Log.DatabaseUnreachable(logger, httpContext.Request.Method, path, fault.GetType().Name, FirstLine(fault.Message));
        await RetryLaterResponse.WriteAsync(httpContext, path, StatusCodes.Status503ServiceUnavailable, Title, Message, RetryAfterSeconds);
        return true;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : line[..200];
    }
}
