using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>
/// Every log event of the server at every level, as text: the formatted message, each structured value, the active
/// scopes' values and the exception, so a secret anywhere a log sink could write it is found.
/// </summary>
[ProviderAlias("CapturedLogs")]
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"[{logLevel}] {category} ({eventId.Id}): {formatter(state, exception)}" };
            AddValues(parts, state);
            owner.scopes.ForEachScope((scope, list) => AddValues(list, scope), parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            owner.entries.Enqueue(string.Join(" | ", parts));
        }

        private static void AddValues(List<string> parts, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(pair => $"{pair.Key}={pair.Value}"));
            }
            else if (state is not null)
            {
                parts.Add(state.ToString() ?? "");
            }
        }
    }
}
