using Microsoft.Data.Sqlite;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>A SQLite file in its own temporary directory, deleted with the directory when disposed.</summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(string directory)
    {
        Directory = directory;
        ConnectionString = $"Data Source={Path.Combine(directory, "idp.db")}";
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    public static TestDatabase CreateTemporary()
    {
        var directory = Path.Combine(Path.GetTempPath(), "clinikoidp-it-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(directory);
    }

    public void Dispose()
    {
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
