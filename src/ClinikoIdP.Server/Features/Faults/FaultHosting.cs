using Microsoft.AspNetCore.Diagnostics;

namespace ClinikoIdP.Server.Features.Faults;

public static class FaultHosting
{
    public static IServiceCollection AddIdpFaultHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<DatabaseFaultHandler>();

    /// <summary>
    /// The exception handler: database faults are answered by <see cref="DatabaseFaultHandler"/> (and logged by it
    /// as one warning), everything else re-executes the error page as a logged error.
    /// </summary>
    public static IApplicationBuilder UseIdpExceptionHandler(this IApplicationBuilder app, string errorPath) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = errorPath,
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService,
        });
}
