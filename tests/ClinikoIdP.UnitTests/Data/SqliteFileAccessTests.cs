using ClinikoIdP.Server.Hosting;

namespace ClinikoIdP.UnitTests.Data;

public sealed class SqliteFileAccessTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sqlite-file-access-").FullName;

    [Fact]
    public void AMissingDatabaseFileIsCreatedEmptyAndReadableByItsOwnerOnly()
    {
        var path = Path.Combine(folder, "idp.db");

        SqliteFileAccess.CreateIfMissing($"Data Source={path}");

        Assert.Equal(0, new FileInfo(path).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void AnExistingDatabaseFileIsLeftAsItIs()
    {
        var path = Path.Combine(folder, "idp.db");
        File.WriteAllText(path, "existing");

        SqliteFileAccess.CreateIfMissing($"Data Source={path}");

        Assert.Equal("existing", File.ReadAllText(path));
    }

    [Fact]
    public void ServersStartingTogetherOnOneNewFileAllStart()
    {
        // Two hosts (or a host and the admin command line) may both see no file and both try to create it.
        for (var round = 0; round < 40; round++)
        {
            var path = Path.Combine(folder, $"race-{round}.db");
            using var together = new Barrier(8);

            var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
            {
                together.SignalAndWait();
                try
                {
                    SqliteFileAccess.CreateIfMissing($"Data Source={path}");
                }
                catch (IOException failure)
                {
                    failures.Add(failure);
                }
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Assert.Empty(failures);

            Assert.True(File.Exists(path));
        }
    }

    [Fact]
    public void InMemoryDatabasesNeedNoFile()
    {
        SqliteFileAccess.CreateIfMissing("Data Source=:memory:");
        SqliteFileAccess.CreateIfMissing("Data Source=shared;Mode=Memory;Cache=Shared");

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "shared")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
