using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Cli;

/// <summary>The command line's failure contract: a non-zero exit code and exactly one clear line on stderr.</summary>
public static class CliAssert
{
    public static void Failed(CliResult result, int exitCode, string? mentioning = null)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        if (mentioning is not null)
        {
            Assert.Contains(mentioning, line, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The value printed after <paramref name="label"/> on its own line of output.</summary>
    public static string ValueAfter(string output, string label)
    {
        var line = output.Split('\n').Single(l => l.Contains(label, StringComparison.Ordinal));
        return line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..].Trim();
    }
}
