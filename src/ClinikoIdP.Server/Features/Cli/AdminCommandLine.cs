using System.CommandLine;
using ClinikoIdP.Server.Hosting;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>
/// The <c>admin</c> verbs of the server executable. They use the server's own configuration and database
/// (safe while the server runs: SQLite is in WAL mode), print results on stdout and any failure as one line on stderr.
/// </summary>
public static class AdminCommandLine
{
    public static bool IsAdminInvocation(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(
        string[] args, TextWriter? output = null, TextWriter? error = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var runtime = new CliRuntime(output, error, settings);

        var admin = new Command("admin", "Administer ClinikoIdP: users, client apps, scopes and signing keys.");
        admin.Subcommands.Add(UserCommands.Build(runtime));
        admin.Subcommands.Add(ClientCommands.Build(runtime));
        admin.Subcommands.Add(ScopeCommands.Build(runtime));
        admin.Subcommands.Add(KeyCommands.Build(runtime));
        admin.Subcommands.Add(AuditCommands.Build(runtime));
        admin.Subcommands.Add(DatabaseCommands.Build(runtime));

        var root = new RootCommand("ClinikoIdP: the clinic's identity provider. Run without arguments to serve.");
        root.Subcommands.Add(admin);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            await error.WriteLineAsync($"error: {parsed.Errors[0].Message} (see --help)");
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
