namespace ClinikoIdP.EndToEndTests.ScaleOut;

/// <summary>
/// A real server process, started as an operator starts it (from the folder that holds appsettings.json), reads its
/// settings files once and watches no file: the default SQLite database sits in that folder, and a watch on it woke for
/// every database write (issue #7).
/// </summary>
public sealed class SettingsFileWatchTests
{
    [Fact]
    public async Task TheServerWatchesNoFiles()
    {
        var directory = Directory.CreateTempSubdirectory("clinikoidp-watch-");
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:IdP"] = $"Data Source={Path.Combine(directory.FullName, "idp.db")}",
            };
            await using var node = ServerNode.Start(settings, ServerNode.UnusedPorts(1)[0]);
            await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

            var watchers = new DirectoryInfo($"/proc/{node.ProcessId}/fd").EnumerateFileSystemInfos().Count(IsFileWatch);

            Assert.Equal(0, watchers);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool IsFileWatch(FileSystemInfo descriptor)
    {
        try
        {
            return descriptor.LinkTarget == "anon_inode:inotify";
        }
        catch (IOException)
        {
            return false; // closed by the server while the folder was being listed
        }
    }
}
