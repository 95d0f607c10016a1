using System.Security.Cryptography;
using System.Text.Json;

namespace Clinic.AppHost;

/// <summary>
/// The demo's own database and the secrets generated for it on first run, kept together in one folder: deleting the
/// folder starts the demo afresh, and a database never outlives the secrets its clients were registered with.
/// </summary>
internal sealed record DemoState(string Directory, string AppointmentsSecret, string BillingSecret, string DemoPassword)
{
    private const string SecretsFile = "secrets.json";
    private const string DatabaseFile = "clinikoidp-demo.db";

    public string ConnectionString => $"Data Source={Path.Combine(Directory, DatabaseFile)}";

    public static DemoState LoadOrCreate(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var secretsPath = Path.Combine(directory, SecretsFile);
        if (File.Exists(secretsPath)
            && JsonSerializer.Deserialize<DemoSecrets>(File.ReadAllText(secretsPath)) is { } saved)
        {
            return new DemoState(directory, saved.AppointmentsSecret, saved.BillingSecret, saved.DemoPassword);
        }

        // No secrets: any database left here was registered with other ones, so start it afresh.
        foreach (var file in System.IO.Directory.GetFiles(directory, DatabaseFile + "*"))
        {
            File.Delete(file);
        }

        var secrets = new DemoSecrets(NewSecret(), NewSecret(), NewPassword());
        File.WriteAllText(secretsPath, JsonSerializer.Serialize(secrets));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secretsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new DemoState(directory, secrets.AppointmentsSecret, secrets.BillingSecret, secrets.DemoPassword);
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    // Four groups of five letters and digits (about 100 bits): easy to type from the console, not on any common list.
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4)
            .Select(_ => new string(Enumerable.Range(0, 5).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }

    private sealed record DemoSecrets(string AppointmentsSecret, string BillingSecret, string DemoPassword);
}
