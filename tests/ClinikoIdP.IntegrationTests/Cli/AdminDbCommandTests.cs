using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ClinikoIdP.IntegrationTests.Cli;

/// <summary>Issue 6, "Operations": <c>admin db migrate</c> and an online backup of the SQLite database.</summary>
public class AdminDbCommandTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task BackupWritesAConsistentCopyReadableOnlyByItsOwnerWhileTheServerRuns()
    {
        var user = await factory.StandardUserAsync();
        _ = factory.Server;
        var target = Path.Combine(Path.GetTempPath(), "clinikoidp-backup-" + Guid.NewGuid().ToString("N"), "copy.db");

        var printed = await factory.AdminOkAsync("db", "backup", "--to", target);

        Assert.Contains(target, printed, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }

        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var query = copy.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = $email";
        query.Parameters.AddWithValue("$email", user.Email.ToUpperInvariant());
        Assert.Equal(1L, (long)(await query.ExecuteScalarAsync())!);
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task BackupNeverOverwritesAnExistingFile()
    {
        var target = Path.GetTempFileName();
        await File.WriteAllTextAsync(target, "an earlier backup");

        var result = await factory.AdminAsync("db", "backup", "--to", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task MigrateOnAnUpToDateDatabaseSaysSo()
    {
        _ = factory.Server;

        Assert.Equal("The database is up to date.", (await factory.AdminOkAsync("db", "migrate")).Trim());
    }
}
