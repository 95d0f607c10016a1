using System.Diagnostics;

namespace Clinic.AppHost;

/// <summary>Runs the IdP's admin command line (`dotnet run --project src/ClinikoIdP.Server -- admin …`) on the demo database.</summary>
internal sealed class AdminCli(string serverProject, string connectionString)
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public async Task<Outcome> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The AppHost has just built the server, so no build here; the launch profile is not wanted either.
        foreach (var argument in (string[])["run", "--no-build", "--no-launch-profile", "--project", serverProject, "--", "admin", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__IdP"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a verb that must succeed; its one-line error otherwise.</summary>
    public async Task<Outcome> RequireAsync(params string[] arguments)
    {
        var outcome = await RunAsync(arguments);
        return outcome.ExitCode == 0
            ? outcome
            : throw new DemoSetupException($"admin {string.Join(' ', arguments.Take(2))} failed: {outcome.Error.Trim()}");
    }
}
