using System.CommandLine;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;

namespace ClinikoIdP.Server.Features.Cli;

internal static class UserCommands
{
    public static Command Build(CliRuntime runtime)
    {
        var user = new Command("user", "Create, invite, list, lock and unlock staff accounts.");

        var email = new Option<string>("--email") { Description = "The user's email address (their sign-in name).", Required = true };
        var password = new Option<string>("--password") { Description = "Initial password: 12 to 128 characters, not a common one.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name, e.g. \"Dr Jane Smith\"." };
        var admin = new Option<bool>("--admin") { Description = "Make the user a ClinikoIdP administrator." };
        var create = new Command("create", "Create a user.") { email, password, name, admin };
        runtime.SetAction(create, async (services, parsed, ct) =>
        {
            var created = await services.GetRequiredService<UserAdministration>().CreateAsync(
                parsed.GetValue(email)!, parsed.GetValue(password)!, parsed.GetValue(name), parsed.GetValue(admin), ct);
            await runtime.Output.WriteLineAsync($"Created user {created.Email} (id {created.Id}){(parsed.GetValue(admin) ? " as administrator" : "")}.");
        });

        var list = new Command("list", "List users.");
        runtime.SetAction(list, async (services, _, ct) =>
        {
            var users = await services.GetRequiredService<UserAdministration>().ListAsync(ct);
            await runtime.Output.WriteLineAsync($"{"EMAIL",-40} {"NAME",-28} {"ADMIN",-5} {"LOCKED",-6}");
            foreach (var (entry, isAdmin) in users)
            {
                var locked = entry.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
                await runtime.Output.WriteLineAsync($"{entry.Email,-40} {entry.DisplayName ?? "",-28} {(isAdmin ? "yes" : "no"),-5} {(locked ? "yes" : "no"),-6}");
            }
        });

        var lockEmail = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var lockCommand = new Command("lock", "Lock a user out and end their sessions and tokens.") { lockEmail };
        runtime.SetAction(lockCommand, async (services, parsed, ct) =>
        {
            var administration = services.GetRequiredService<UserAdministration>();
            var account = await administration.FindAsync(parsed.GetValue(lockEmail)!);
            await administration.LockAsync(account, actorId: null, ct);
            await WriteEventAsync(services, SecurityEventKinds.AdminUserLocked, account);
            await runtime.Output.WriteLineAsync($"Locked {parsed.GetValue(lockEmail)}; their sessions and tokens are revoked.");
        });

        var unlockEmail = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var unlock = new Command("unlock", "Unlock a user (also clears failed sign-in attempts).") { unlockEmail };
        runtime.SetAction(unlock, async (services, parsed, _) =>
        {
            var administration = services.GetRequiredService<UserAdministration>();
            var account = await administration.FindAsync(parsed.GetValue(unlockEmail)!);
            await administration.UnlockAsync(account);
            await WriteEventAsync(services, SecurityEventKinds.AdminUserUnlocked, account);
            await runtime.Output.WriteLineAsync($"Unlocked {parsed.GetValue(unlockEmail)}.");
        });

        var resetEmail = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var reset = new Command("reset-2fa", "Remove a user's authenticator and backup codes, end their sessions and tokens; they enrol again at next sign-in.") { resetEmail };
        runtime.SetAction(reset, async (services, parsed, ct) =>
        {
            await services.GetRequiredService<TwoFactorReset>().ResetAsync(parsed.GetValue(resetEmail)!, null, ct);
            await runtime.Output.WriteLineAsync($"Reset two-step verification for {parsed.GetValue(resetEmail)}; they will set it up again at their next sign-in.");
        });

        user.Subcommands.Add(create);
        user.Subcommands.Add(InviteCommand.Build(runtime));
        user.Subcommands.Add(reset);
        user.Subcommands.Add(list);
        user.Subcommands.Add(lockCommand);
        user.Subcommands.Add(unlock);
        return user;
    }

    /// <summary>The command line's changes go into the audit trail like the console's, with the command line as actor.</summary>
    private static Task WriteEventAsync(IServiceProvider services, string kind, ClinikoIdP.Server.Data.ClinicUser account) =>
        services.GetRequiredService<SecurityEventWriter>().WriteAsync(
            kind, SecurityEventOutcomes.Succeeded, account, "from the command line", actorId: SecurityEventActors.CommandLine);
}
