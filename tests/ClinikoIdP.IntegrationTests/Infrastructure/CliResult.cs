namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>What an in-process run of the admin command line printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
