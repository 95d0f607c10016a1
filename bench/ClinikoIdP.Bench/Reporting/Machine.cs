using System.Runtime.InteropServices;
using ClinikoIdP.Bench.Processes;

namespace ClinikoIdP.Bench.Reporting;

/// <summary>Where the figures came from.</summary>
public sealed record Machine(int Cores, string CpuModel, string DotnetVersion, string NodeVersion, string Commit, DateTimeOffset Date)
{
    public static Machine Describe(string repositoryRoot)
    {
        var cpu = File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var commit = Shell.Capture("git", "-C", repositoryRoot, "rev-parse", "--short", "HEAD").Trim();
        var dirty = Shell.Capture("git", "-C", repositoryRoot, "status", "--porcelain", "--untracked-files=no").Trim().Length > 0;
        return new Machine(Environment.ProcessorCount, cpu, RuntimeInformation.FrameworkDescription,
            Shell.Capture("node", "--version").Trim(), dirty ? commit + " (with uncommitted changes)" : commit, DateTimeOffset.UtcNow);
    }
}
