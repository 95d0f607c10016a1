using System.Diagnostics;
using System.Net.Sockets;

using ClinikoIdP.TestSupport;

namespace ClinikoIdP.EndToEndTests.ScaleOut;

/// <summary>
/// One ClinikoIdP node: the built server executable in a process of its own, listening on a loopback port, as an
/// operator runs it. Nothing is shared with other nodes but the configuration and the database.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ServerNode(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => !process.HasExited;

    public int ProcessId => process.Id;

    /// <summary>What the node printed (for a failing test's message).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Starts a node on <paramref name="port"/>: a fresh one from <see cref="UnusedPorts"/>, or a dead node's.</summary>
    public static ServerNode Start(IReadOnlyDictionary<string, string?> settings, int port)
    {
        var project = Path.Combine(RepositoryPaths.Root(), "src", "ClinikoIdP.Server");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var executable = Path.Combine(project, "bin", configuration, "net10.0", "ClinikoIdP.Server.dll");
        Assert.True(File.Exists(executable), $"{executable} is missing: build the solution first (./test.sh does).");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(executable);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var node = new ServerNode(Process.Start(start)!, port);
        node.process.OutputDataReceived += (_, line) => node.Record(line.Data);
        node.process.ErrorDataReceived += (_, line) => node.Record(line.Data);
        node.process.BeginOutputReadLine();
        node.process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until the node answers discovery (it has migrated, or waited for another node to).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"Node on port {Port} exited: {Output}");
            try
            {
                if ((await http.GetAsync(".well-known/openid-configuration")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception unreachable) when (unreachable is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Node on port {Port} did not become ready in {timeout}: {Output}");
    }

    /// <summary>Kills the node at once, as a crash or a pulled plug would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    /// <summary>
    /// <paramref name="count"/> distinct loopback ports that are free now. All are held until the last is chosen: the
    /// operating system may hand a port it just released to the next caller, and a node that took nginx's port would
    /// answer in its place, unbalanced.
    /// </summary>
    public static int[] UnusedPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(System.Net.IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((System.Net.IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Dispose());
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }
}
