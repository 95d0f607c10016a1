using System.CommandLine;
using System.Globalization;
using ClinikoIdP.Server.Keys;

namespace ClinikoIdP.Server.Features.Cli;

internal static class KeyCommands
{
    public static Command Build(CliRuntime runtime)
    {
        var list = new Command("list", "List the token signing and encryption keys.");
        runtime.SetAction(list, async (services, _, ct) =>
        {
            var keys = await services.GetRequiredService<SigningKeyStore>().ListAsync(ct);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            await runtime.Output.WriteLineAsync($"{"KEY ID",-24} {"USE",-4} {"ALG",-7} {"STATUS",-9} {"CREATED",-20} {"EXPIRES",-20}");
            foreach (var key in keys)
            {
                var status = key.IsActive ? "active" : key.IsPublishedAt(now) ? "retiring" : "expired";
                await runtime.Output.WriteLineAsync(
                    $"{key.Id,-24} {key.Use,-4} {key.Algorithm,-7} {status,-9} {Format(key.CreatedAt),-20} {(key.ExpiresAt is { } e ? Format(e) : "-"),-20}");
            }
        });

        var encryption = new Option<bool>("--encryption") { Description = "Rotate the keys that encrypt and sign codes and refresh tokens instead of the signing key." };
        var rotate = new Command("rotate", "Add a new active key; the old one stays published until it expires. Running servers load it within IdP:KeyRefreshInterval.") { encryption };
        runtime.SetAction(rotate, async (services, parsed, ct) =>
        {
            var use = parsed.GetValue(encryption) ? SigningKeyRecord.EncryptionUse : SigningKeyRecord.SigningUse;
            var key = await services.GetRequiredService<SigningKeyStore>().RotateAsync(use, ct);
            await runtime.Output.WriteLineAsync($"New active {(use == SigningKeyRecord.SigningUse ? "signing" : "encryption")} key {key.Id}. Running servers load it within IdP:KeyRefreshInterval (1 minute by default).");
        });

        return new Command("keys", "List and rotate token keys.") { list, rotate };
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z";
}
