using System.Globalization;
using System.Text.RegularExpressions;

namespace ClinikoIdP.Bench.Load;

/// <summary>Reads the text wrk prints with <c>--latency</c>.</summary>
public static partial class WrkOutput
{
    public static (long Requests, double PerSecond, double P50, double P99, long Failed, long SocketErrors) Parse(string text)
    {
        var requests = Match(RequestsLine(), text) is { } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var perSecond = Match(RequestsPerSecondLine(), text) is { } s ? double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var failed = Match(NonSuccessLine(), text) is { } f ? long.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = Match(SocketErrorsLine(), text) is { } e
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(e.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        return (requests, perSecond, Percentile(text, "50%"), Percentile(text, "99%"), failed, socketErrors);
    }

    private static double Percentile(string text, string label)
    {
        var match = Regex.Match(text, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        return match.Success ? Milliseconds(match.Groups[1].Value, match.Groups[2].Value) : double.NaN;
    }

    private static double Milliseconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            _ => throw new FormatException($"unknown wrk time unit '{unit}'"),
        };
    }

    private static Match? Match(Regex pattern, string text) => pattern.Match(text) is { Success: true } match ? match : null;

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
