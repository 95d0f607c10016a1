using System.Data.Common;
using ClinikoIdP.Server.Features.Faults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// Remembers the first database failure (a connection or command that failed because the database could not be used)
/// within a watch, for code that must not take a protocol answer at face value: OpenIddict turns some failures into
/// refusals (a code whose redemption could not be saved is answered "already redeemed"), which would tell a client to
/// give up when it should retry. Outside a watch it does nothing.
/// </summary>
public sealed class DatabaseFailureWitness : DbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly DatabaseFailureWitness Instance = new();

    private static readonly AsyncLocal<Watch?> Current = new();

    private DatabaseFailureWitness()
    {
    }

    /// <summary>Watches the code that runs from here on in this asynchronous flow, until disposed.</summary>
    public static Watch Begin() => Current.Value = new Watch();

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Note(eventData?.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Note(eventData?.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Exception);
        return Task.CompletedTask;
    }

    private static void Note(Exception? exception)
    {
        if (Current.Value is { } watch && DatabaseFault.Is(exception))
        {
            watch.Failure ??= exception;
        }
    }

    public sealed class Watch : IDisposable
    {
        public Exception? Failure { get; internal set; }

        public void Dispose() => Current.Value = null;
    }
}
