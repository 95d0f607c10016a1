namespace ClinikoIdP.Bench.Load;

/// <summary>What one wrk run measured. Latencies in milliseconds.</summary>
public sealed record WrkResult(
    int Connections,
    double DurationSeconds,
    long Requests,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    long FailedResponses,
    long SocketErrors,
    double ServerCpuSeconds)
{
    /// <summary>Server CPU seconds spent per 1,000 requests during the run.</summary>
    public double CpuSecondsPerThousand => Requests == 0 ? 0 : ServerCpuSeconds / Requests * 1000;

    /// <summary>A run with failures measured something other than the scenario: its figures are not reported.</summary>
    public bool Clean => FailedResponses == 0 && SocketErrors == 0 && Requests > 0;
}
