using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for one server (or several nodes): by default a SQLite file in its own temporary directory,
/// or a fresh database on the test PostgreSQL server; dropped or deleted when disposed.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The Npgsql connection string of the test PostgreSQL server (set by test.sh, which starts it).</summary>
    public const string PostgreSqlVariable = "CLINIKOIDP_TEST_POSTGRES";

    private readonly string? postgreSqlName;

    private TestDatabase(string directory)
    {
        Directory = directory;
        ConnectionString = $"Data Source={Path.Combine(directory, "idp.db")}";
        Provider = "Sqlite";
    }

    private TestDatabase(string name, string connectionString)
    {
        postgreSqlName = name;
        Directory = Path.GetTempPath();
        ConnectionString = connectionString;
        Provider = "PostgreSQL";
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    /// <summary>The value for <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public bool IsPostgreSql => postgreSqlName is not null;

    public static TestDatabase CreateTemporary()
    {
        var directory = Path.Combine(Path.GetTempPath(), "clinikoidp-it-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(directory);
    }

    /// <summary>A new, empty database on the test PostgreSQL server.</summary>
    public static TestDatabase CreatePostgreSql()
    {
        var server = ServerConnectionString();
        var name = "clinikoidp_it_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>The maintenance connection to the test PostgreSQL server; fails clearly when it was not started.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"{PostgreSqlVariable} is not set: run the tests with ./test.sh, which starts a PostgreSQL server "
                + "(tests/services/postgres.sh) and exports it.");

    public void Dispose()
    {
        if (postgreSqlName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(ServerConnectionString());
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgreSqlName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still open elsewhere; the temp directory is cleaned by the OS eventually.
        }
    }
}
