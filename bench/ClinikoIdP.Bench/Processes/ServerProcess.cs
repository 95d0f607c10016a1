using System.Diagnostics;

namespace ClinikoIdP.Bench.Processes;

/// <summary>A server started for the benchmark, its output kept in a log file, stopped with its children.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServerProcess(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public int Id => process.Id;

    public static ServerProcess Start(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log);
    }

    /// <summary>Seconds from <paramref name="since"/> until <paramref name="url"/> first answers 200.</summary>
    public async Task<double> WaitUntilAnswers(Uri url, Stopwatch since, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (since.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} before answering {url}; see its log");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return since.Elapsed.TotalSeconds;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{url} did not answer within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
