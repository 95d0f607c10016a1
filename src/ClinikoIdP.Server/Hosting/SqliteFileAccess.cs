using Microsoft.Data.Sqlite;

namespace ClinikoIdP.Server.Hosting;

/// <summary>
/// The SQLite file holds password hashes, encrypted authenticator secrets and the Data Protection key ring, so it and
/// its -wal and -shm companions are readable by their owner only (OWASP ASVS 5.0 V13.3), whatever the process umask.
/// </summary>
public static class SqliteFileAccess
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] Companions = ["", "-wal", "-shm", "-journal"];

    /// <summary>Creates the database file empty and owner-only before SQLite first opens it, so it is never world-readable.</summary>
    public static void CreateIfMissing(string? connectionString)
    {
        if (FileOf(connectionString) is { } path && !File.Exists(path) && Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
        {
            try
            {
                CreateOwnerOnly(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (a second node, the admin command line) created it between the check and here.
            }
        }
    }

    /// <summary>Makes the database file and whichever companions exist owner-only.</summary>
    public static void RestrictToOwner(string? connectionString)
    {
        if (OperatingSystem.IsWindows() || FileOf(connectionString) is not { } path)
        {
            return;
        }

        foreach (var file in Companions.Select(suffix => path + suffix).Where(File.Exists))
        {
            File.SetUnixFileMode(file, OwnerOnly);
        }
    }

    /// <summary>Creates an empty owner-only file (a new database or a backup), failing if it already exists.</summary>
    public static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var _ = new FileStream(path, options);
    }

    private static string? FileOf(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(dataSource) || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : dataSource;
    }
}
