using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinikoIdP.Server.Hosting;

/// <summary>
/// One node at a time migrates and creates keys. On PostgreSQL this is a session advisory lock held on a connection of
/// its own (released when the connection closes, so a node that dies while holding it cannot block the others).
/// SQLite serves one machine, where EF Core's own migration lock suffices.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // Any fixed 64-bit number, the same on every node: "ClinikoI" in ASCII.
    private const long LockKey = 0x436C696E696B6F49;

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StartupLock> AcquireAsync(IdpDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            command.CommandTimeout = 0; // waiting for another node's migration is expected; the caller's token bounds it
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        await using (connection)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync();
        }
    }
}
