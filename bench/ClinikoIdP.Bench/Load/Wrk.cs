using System.Globalization;
using ClinikoIdP.Bench.Processes;

namespace ClinikoIdP.Bench.Load;

/// <summary>Drives a server with wrk (real sockets on loopback) and records the server's CPU time meanwhile.</summary>
public sealed class Wrk(string workDirectory, TimeSpan duration)
{
    public async Task<WrkResult> Get(Uri url, int connections, int serverPid, TimeSpan? forHowLong = null) =>
        await Run(url, connections, serverPid, script: null, forHowLong);

    /// <summary>POSTs a form body (e.g. a token request) on every request.</summary>
    public async Task<WrkResult> PostForm(Uri url, string body, int connections, int serverPid, TimeSpan? forHowLong = null)
    {
        var script = Path.Combine(workDirectory, $"post-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script,
            $"""
            wrk.method = "POST"
            wrk.body = "{body}"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            """);
        try
        {
            return await Run(url, connections, serverPid, script, forHowLong);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private async Task<WrkResult> Run(Uri url, int connections, int serverPid, string? script, TimeSpan? forHowLong)
    {
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var seconds = Math.Max(1, (int)(forHowLong ?? duration).TotalSeconds);
        var arguments = new List<string>
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", "10s",
            "--latency",
        };
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url.ToString());
        var cpuBefore = ProcessTree.CpuSeconds(serverPid);
        var result = await Shell.Run("wrk", arguments, environment: null, TimeSpan.FromSeconds(seconds + 30));
        var cpu = ProcessTree.CpuSeconds(serverPid) - cpuBefore;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({result.ExitCode}): {result.Error}");
        }

        var parsed = WrkOutput.Parse(result.Output);
        return new WrkResult(connections, seconds, parsed.Requests, parsed.PerSecond, parsed.P50, parsed.P99,
            parsed.Failed, parsed.SocketErrors, cpu);
    }
}
