using System.Buffers.Binary;
using System.Text;
using ClinikoIdP.Authentication.Totp;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// Someone who gets a copy of the SQLite file (a backup left on a share, another account on the host) finds no
/// secret in it, and on the host the file, its -wal and -shm and every backup are readable by their owner only.
/// </summary>
public class DatabaseAtRestTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private string DatabasePath => new SqliteConnectionStringBuilder(factory.Settings["ConnectionStrings:IdP"]).DataSource;

    [Fact]
    public async Task DatabaseFilesAndBackupsAreReadableByTheirOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var backup = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "backup-" + Guid.NewGuid().ToString("N") + ".db");
        await factory.AdminOkAsync("db", "backup", "--to", backup);

        var files = new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", backup }.Where(File.Exists).ToList();

        var exposed = new List<string>();
        foreach (var file in files)
        {
            var mode = File.GetUnixFileMode(file);
            if ((mode & GroupOrOthers) != 0)
            {
                exposed.Add($"{Path.GetFileName(file)} is {mode}");
            }
        }

        Assert.Contains(DatabasePath + "-wal", files);
        Assert.True(exposed.Count == 0, string.Join("; ", exposed));
    }

    [Fact]
    public async Task AFullJourneyLeavesNoSecretInTheDatabaseFile()
    {
        var client = await Seed.ClientAsync(factory);
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var generated = await factory.AdminOkAsync("client", "rotate-secret", client.ClientId);
        var secrets = new Dictionary<string, byte[]>
        {
            ["password"] = Encoding.UTF8.GetBytes(enrolled.User.Password),
            ["client secret"] = Encoding.UTF8.GetBytes(client.Secret!),
            ["TOTP secret (Base32)"] = Encoding.UTF8.GetBytes(enrolled.App.Secret),
            ["TOTP secret (raw)"] = TotpSecret.FromBase32(enrolled.App.Secret),
        };
        foreach (var (code, index) in enrolled.BackupCodes.Select((c, i) => (c, i)))
        {
            secrets[$"backup code {index}"] = Encoding.UTF8.GetBytes(code);
            secrets[$"backup code {index} (canonical)"] = Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal));
        }

        foreach (var word in generated.Split([' ', '\n', '\r', '\t', ':'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 32))
        {
            secrets["generated client secret " + word[..4]] = Encoding.UTF8.GetBytes(word);
        }

        var contents = ReadDatabaseFiles();
        var found = secrets.Where(secret => Contains(contents, secret.Value)
            || Contains(contents, Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(secret.Value))))
            .Select(secret => secret.Key).ToList();

        Assert.True(found.Count == 0, "In the database file in plain text: " + string.Join(", ", found));
    }

    [Fact]
    public async Task PasswordsAreStoredAsPbkdf2Sha512WithAtLeast210000Iterations()
    {
        var user = await factory.StandardUserAsync();

        var stored = Convert.FromBase64String(await factory.QueryAsync(db =>
            db.Users.Where(u => u.Email == user.Email).Select(u => u.PasswordHash!).SingleAsync()));

        // ASP.NET Core Identity's version 3 format: 0x01, then the PRF, the iteration count and the salt length, big-endian.
        Assert.Equal(0x01, stored[0]);
        Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(1)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(5)) >= 210_000);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(9)) >= 16, "salt of at least 128 bits");
    }

    /// <summary>The main file and the write-ahead log (recent writes live there until a checkpoint).</summary>
    private byte[] ReadDatabaseFiles()
    {
        using var contents = new MemoryStream();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(contents);
        }

        return contents.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
