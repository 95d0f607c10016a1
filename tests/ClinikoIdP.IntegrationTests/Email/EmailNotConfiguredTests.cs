using System.Collections.Concurrent;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>Without SMTP settings the server says so at start-up, queues nothing and keeps working.</summary>
public sealed class EmailNotConfiguredTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task ServerSaysAtStartUpThatEmailIsOffAndQueuesNothing()
    {
        var logs = new CapturedLogs();
        await using var server = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        _ = server.Services; // starts the host and its background services

        await WaitUntilAsync(() => logs.Entries.Any(e => e.EventId == 1700));
        var entry = logs.Entries.First(e => e.EventId == 1700);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("Email:Smtp:Host", entry.Message, StringComparison.Ordinal);

        await using var scope = server.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        Assert.False(outbox.IsConfigured);
        Assert.False(await outbox.EnqueueAsync("test", null, "someone@clinic.example", EmailDeliveryTests.Hello, CancellationToken.None));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Server.Data.IdpDbContext>().OutboxEmails.CountAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "The expected log entry was never written.");
    }

    private sealed record Entry(string Category, LogLevel Level, int EventId, string Message);

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> entries = new();

        public IReadOnlyList<Entry> Entries => [.. entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
