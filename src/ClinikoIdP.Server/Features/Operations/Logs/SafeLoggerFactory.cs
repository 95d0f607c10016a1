namespace ClinikoIdP.Server.Features.Operations.Logs;

/// <summary>
/// Every logger of the server goes through here, whatever level or sink an operator configures:
/// <list type="bullet">
/// <item>Trace events never leave the process. .NET reserves Trace for messages that "may contain sensitive application
/// data", and libraries use it so: OpenIddict writes every token it creates or validates (and the reference identifier
/// that is the authorization code), MVC writes the arguments of handler methods (a password-reset token).</item>
/// <item>The request lines of ASP.NET Core hosting (<c>Request starting</c>, <c>Request finished</c>) keep the query's
/// parameter names but not their values (<see cref="QueryRedaction"/>).</item>
/// </list>
/// </summary>
public sealed class SafeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == HostingCategory ? new QueryRedactingLogger(logger) : new NoTraceLogger(logger);
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private class NoTraceLogger(ILogger inner) : ILogger
    {
        protected ILogger Inner => inner;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel > LogLevel.Trace && inner.IsEnabled(logLevel);

        public virtual void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel > LogLevel.Trace)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }

    private sealed class QueryRedactingLogger(ILogger inner) : NoTraceLogger(inner)
    {
        private const string QueryKey = "QueryString";

        public override void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Trace)
            {
                return;
            }

            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values
                || values.FirstOrDefault(pair => pair.Key == QueryKey).Value is not string { Length: > 1 } query)
            {
                base.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var redacted = QueryRedaction.Redact(query);
            var message = formatter(state, exception).Replace(query, redacted, StringComparison.Ordinal);
            IReadOnlyList<KeyValuePair<string, object?>> safeValues =
                [.. values.Select(pair => pair.Key == QueryKey ? new KeyValuePair<string, object?>(QueryKey, redacted) : pair)];
            Inner.Log(logLevel, eventId, safeValues, exception, (_, _) => message);
        }
    }
}
