using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// SQLite lets one writer in at a time. Without a busy timeout a second writer gets SQLITE_BUSY at once and
/// Microsoft.Data.Sqlite retries it from managed code, which under a burst of token requests costs more CPU and
/// time than the writes themselves (issue #7: 10× the CPU per request with every token stored). With
/// <c>busy_timeout</c> SQLite waits inside the engine for the lock instead; the command timeout still bounds it.
/// The setting belongs to the native connection, which the pool reuses, so it is set once per native connection
/// (running it at every open of a pooled connection cost more than it saved).
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    /// <summary>The configuration key (a time span; zero leaves retrying to Microsoft.Data.Sqlite).</summary>
    public const string Setting = "Database:SqliteBusyTimeout";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    private readonly string pragma = FormattableString.Invariant($"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds};");

    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsNew(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsNew(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, handle);
}
