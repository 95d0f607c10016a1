using System.Diagnostics;

namespace ClinikoIdP.Bench.Processes;

/// <summary>Runs short commands to completion.</summary>
public static class Shell
{
    /// <summary>Standard output of a command, or empty when it cannot run.</summary>
    public static string Capture(string file, params string[] arguments)
    {
        try
        {
            var result = Run(file, arguments, environment: null, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
            return result.Output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    public static async Task<CommandResult> Run(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} took longer than {timeout}");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }
}

public sealed record CommandResult(int ExitCode, string Output, string Error);
