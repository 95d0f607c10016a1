using ClinikoIdP.Server.Features.Cli;
using CsCheck;

namespace ClinikoIdP.UnitTests.Properties;

/// <summary>
/// The admin command line over generated argument lists (its real verbs and options mixed with junk): it never lets an
/// exception escape, and whenever it fails it says why on standard error with a non-zero exit code.
/// </summary>
public sealed class CommandLineProperties : IDisposable
{
    private static readonly string[] Words =
    [
        "admin", "user", "client", "scope", "key", "keys", "audit", "db", "create", "list", "delete", "disable", "enable",
        "rotate", "rotate-secret", "reset-2fa", "verify", "export", "show", "--email", "--password", "--name", "--secret",
        "--client-id", "--redirect-uri", "--scope", "--resource", "--admin", "--help", "-h",
        "", " ", "-", "--", "\0", "x", "@", "https://", "--email=", "1", "-1", "\uD800",
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "clinikoidp-cli-properties-" + Guid.NewGuid().ToString("N"));

    public CommandLineProperties() => Directory.CreateDirectory(directory);

    private Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:IdP"] = $"Data Source={Path.Combine(directory, "idp.db")}",
        ["IdP:Issuer"] = "https://idp.clinic.test/",
    };

    [Fact]
    public async Task NoArgumentListEscapesWithAnExceptionOrFailsSilently()
    {
        // No "--to": a generated "db backup --to x" would write a file wherever the tests run.
        var arguments = Gen.OneOf(Gen.OneOf(Words), Gen.String[0, 12]).Array[0, 6];

        await arguments.SampleAsync(async args =>
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await AdminCommandLine.RunAsync(["admin", .. args], output, error, Settings);

            Assert.True(exitCode == 0 || error.ToString().Trim().Length > 0, $"exit {exitCode} with nothing on stderr for [{string.Join(", ", args)}]");
        }, iter: 150, threads: 1);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
