using ClinikoIdP.Server.Features.Operations.Logs;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.UnitTests.Operations;

public class SafeLoggerFactoryTests
{
    private static readonly Action<ILogger, string, Exception?> TokenValidated =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(6001), "The token '{Token}' was successfully validated");

    private static readonly Action<ILogger, Exception?> DebugLine = LoggerMessage.Define(LogLevel.Debug, new EventId(2), "A debug line");

    private static readonly Action<ILogger, string, string, string, Exception?> RequestStarting =
        LoggerMessage.Define<string, string, string>(LogLevel.Information, new EventId(1), "Request starting {Method} {Path}{QueryString}");

    private readonly List<(LogLevel Level, string Message, string Values)> written = [];

    private ILogger LoggerFor(string category)
    {
        var inner = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new Recorder(written)));
        return new SafeLoggerFactory(inner).CreateLogger(category);
    }

    [Fact]
    public void DropsTraceEventsEvenWhenTraceIsConfigured()
    {
        var logger = LoggerFor("OpenIddict.Server.OpenIddictServerDispatcher");

        TokenValidated(logger, "eyJ.secret.token", null);
        DebugLine(logger, null);

        Assert.False(logger.IsEnabled(LogLevel.Trace));
        Assert.Equal(["A debug line"], written.Select(w => w.Message));
    }

    [Fact]
    public void RedactsTheQueryOfHostingRequestLines()
    {
        var logger = LoggerFor(SafeLoggerFactory.HostingCategory);

        RequestStarting(logger, "GET", "/connect/endsession", "?id_token_hint=eyJ.secret.token", null);

        var (_, message, values) = Assert.Single(written);
        Assert.Equal("Request starting GET /connect/endsession?id_token_hint=[redacted]", message);
        Assert.DoesNotContain("secret", values, StringComparison.Ordinal);
    }

    private sealed class Recorder(List<(LogLevel, string, string)> written) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            written.Add((logLevel, formatter(state, exception), values));
        }

        public void Dispose()
        {
        }
    }
}
