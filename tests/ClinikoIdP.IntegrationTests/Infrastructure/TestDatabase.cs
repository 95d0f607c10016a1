using ClinikoIdP.TestSupport;
using Microsoft.Data.Sqlite;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for one server (or several nodes): by default a SQLite file in its own temporary directory,
/// or a fresh database on the test PostgreSQL server; dropped or deleted when disposed.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? postgreSqlName;
    private readonly string? postgreSqlServer;

    private TestDatabase(string directory)
    {
        Directory = directory;
        ConnectionString = $"Data Source={Path.Combine(directory, "idp.db")}";
        Provider = "Sqlite";
    }

    private TestDatabase(string name, string connectionString, string? server = null)
    {
        postgreSqlName = name;
        postgreSqlServer = server;
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
        var (name, connectionString) = TestPostgreSql.CreateDatabase();
        return new TestDatabase(name, connectionString);
    }

    /// <summary>A database already made on another PostgreSQL server (a test's private one); dropped there when disposed.</summary>
    public static TestDatabase OnPostgreSql(string name, string connectionString, string server) => new(name, connectionString, server);

    public void Dispose()
    {
        if (postgreSqlName is not null)
        {
            TestPostgreSql.DropDatabase(postgreSqlName, postgreSqlServer);
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
