using Microsoft.AspNetCore.Diagnostics;

namespace ClinikoIdP.Server.Features.Faults;

public static class FaultHosting
{
    /// <summary>Exception handlers, asked in this order: database faults first, then the machine endpoints' errors.</summary>
    public static IServiceCollection AddIdpFaultHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<DatabaseFaultHandler>().AddExceptionHandler<MachineEndpointErrorHandler>();

    /// <summary>
    /// The exception handler: database faults are answered by <see cref="DatabaseFaultHandler"/> (and logged by it
    /// as one warning), failures on machine endpoints by <see cref="MachineEndpointErrorHandler"/> (as OAuth errors),
    /// everything else re-executes the error page as a logged error.
    /// </summary>
    public static IApplicationBuilder UseIdpExceptionHandler(this IApplicationBuilder app, string errorPath) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = errorPath,
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService
                || IsMalformedRequest(context.Exception),
            StatusCodeSelector = exception => IsMalformedRequest(exception)
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status500InternalServerError,
        });

    /// <summary>The path the failed request asked for (the exception handler has already moved the request to the error path).</summary>
    internal static string OriginalPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";

    /// <summary>
    /// A request the framework could not read (a form with a null byte or a broken escape, a body over the limits) is the
    /// sender's mistake: answered 400 and not logged as a server error, so hostile input cannot flood the error log.
    /// </summary>
    internal static bool IsMalformedRequest(Exception exception) =>
        exception is InvalidDataException or BadHttpRequestException
        || exception.InnerException is InvalidDataException or BadHttpRequestException;
}
