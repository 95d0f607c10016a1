using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Operations.Logs;

/// <summary>
/// Console logs as one JSON object a line outside Development (what log shippers parse without guessing), with UTC
/// timestamps and scopes, which carry the request's trace id. <c>Logging:Format</c> = <c>json</c> or <c>simple</c>
/// overrides the default.
/// </summary>
public static class LogFormat
{
    public const string Key = "Logging:Format";

    public static ILoggingBuilder AddIdpLogFormat(this ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var format = configuration[Key];
        var json = string.IsNullOrWhiteSpace(format) ? !environment.IsDevelopment() : format.Trim().ToLowerInvariant() switch
        {
            "json" => true,
            "simple" => false,
            _ => throw new InvalidOperationException($"{Key} must be 'json' or 'simple' (got '{format}')."),
        };

        if (json)
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(options => options.UseUtcTimestamp = true);
        }

        return logging;
    }

    /// <summary>Puts <see cref="SafeLoggerFactory"/> in front of the logger factory every component asks for.</summary>
    public static IServiceCollection AddSafeLogging(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new SafeLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetRequiredService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
}
