using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// The SQLite settings that belong to the native connection, which the pool reuses, so they are set once per native
/// connection (running them at every open of a pooled connection cost more than they saved).
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite lets one writer in at a time. Without a busy timeout a second writer gets
/// SQLITE_BUSY at once and Microsoft.Data.Sqlite retries it from managed code, which under a burst of token requests
/// costs more CPU and time than the writes themselves (issue #7: 10× the CPU per request with every token stored).
/// With it SQLite waits inside the engine for the lock instead; the command timeout still bounds it.</item>
/// <item><c>temp_store = MEMORY</c>: inside a transaction SQLite gives each writing statement a statement journal (to
/// undo that statement alone if it fails), which by default is a temporary file, created and deleted each time. A
/// token grant's transaction made several, so a file system's create and unlink ran on every grant (issue #7: about a
/// tenth of the server's CPU in refresh grants went to the kernel's file work). In memory they cost nothing to make.
/// Nothing durable lives in temporary storage: the database and its WAL are written as before.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    /// <summary>The configuration key of the busy timeout (a time span; zero leaves retrying to Microsoft.Data.Sqlite).</summary>
    public const string BusyTimeoutSetting = "Database:SqliteBusyTimeout";

    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    private readonly string pragmas = busyTimeout > TimeSpan.Zero
        ? FormattableString.Invariant($"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA temp_store = MEMORY;")
        : "PRAGMA temp_store = MEMORY;";

    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsNew(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
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
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, handle);
}
