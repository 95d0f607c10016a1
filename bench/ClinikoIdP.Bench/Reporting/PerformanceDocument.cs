using System.Globalization;
using System.Text;

namespace ClinikoIdP.Bench.Reporting;

/// <summary>The Markdown written to bench/results and, with --write-docs, to docs/performance.md.</summary>
public static class PerformanceDocument
{
    public static string Figures(Results results)
    {
        var machine = results.Machine;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {machine.Date:yyyy-MM-dd HH:mm} UTC at commit `{machine.Commit}` on {machine.Cores} cores ({machine.CpuModel}), {machine.DotnetVersion}, Node.js {machine.NodeVersion}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{results.Command}`");
        text.AppendLine();
        text.Append(MarkdownTable.Render(results.Rows));
        if (results.Problems.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not measured in this run:");
            text.AppendLine();
            foreach (var problem in results.Problems)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
            }
        }

        return text.ToString();
    }

    public static string Document(Results results, string? label) =>
        $"""
        # Performance

        How fast ClinikoIdP is, measured against panva's `oidc-provider` 9.13.3 (OpenID Certified) on the same machine in
        the same run, and against what the cryptography alone allows on that machine (issue #7). This file is rewritten by
        `bash bench/run.sh --write-docs`; see [bench/README.md](../bench/README.md) for what the benchmark needs and its options.

        ## Latest figures
        {(label is null ? "" : $"\n_{label}_\n")}
        {Figures(results)}
        ## How to read this

        - Every figure comes from the run above; the two servers are measured back to back on loopback with `wrk`
          (`--latency`), so only figures from one run compare. Runs of the same configuration differ by up to 20% on a
          small machine, more when other work runs on it, and `wrk` itself shares the cores with the server it drives.
        - "Ratio" is ClinikoIdP ÷ oidc-provider. For latencies and memory lower is better, so a ratio below 1 is good there.
        - The ceilings (RS256 and ES256 signatures, PBKDF2-HMAC-SHA512 at 210,000 iterations) are measured in-process on all
          cores for 3 s before the servers start: a token endpoint cannot issue more RS256 tokens per second than the first,
          and a password sign-in cannot run faster than the last.
        - "CPU s / 1,000 requests" is the server's user + system time (from `/proc/PID/stat`, children included) during
          the 8-connection `client_credentials` run, divided by the requests it answered. RSS is `VmRSS` (idle, after
          start-up) and `VmHWM` (peak, after the token runs) from `/proc/PID/status`, summed over worker processes.
        - Start-up is the time from starting the process to its first 200 from the discovery endpoint, on a database
          that already exists.
        - Code exchanges, rotating refresh grants and complete interactive sign-ins (authorize → password → TOTP → code →
          token, distinct users, computed codes) are driven by the benchmark's own .NET load generator (8 loops on real
          loopback sockets, latencies recorded per request), because each request needs what an earlier one returned; see
          [bench/README.md](../bench/README.md#browser-flows-code-exchanges-refresh-grants-interactive-sign-ins). ClinikoIdP
          runs them with `TwoFactor:Enforcement=Always`. oidc-provider runs the code and refresh scenarios in one process
          (its in-memory state is per process) with a scripted sign-in; it has no password or second factor to compare.
        - A run in which any response was not 2xx, or a socket failed, is reported as "not measured" with the reason below
          the table: a fast error is not a fast token.
        - ClinikoIdP runs with `ASPNETCORE_ENVIRONMENT=Development` (plain HTTP on loopback), `RateLimits:Enabled=false`
          (the per-address limits would refuse a load generator on one address) and `Logging:LogLevel:Default=Warning`.
          oidc-provider runs with `NODE_ENV=production`, one worker process per core, client secrets compared in plain
          text and JWT access tokens not stored.

        """;
}
