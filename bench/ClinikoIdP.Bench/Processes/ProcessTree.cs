using System.Globalization;

namespace ClinikoIdP.Bench.Processes;

/// <summary>CPU time and memory of a process and its children, read from /proc (Linux only).</summary>
public static class ProcessTree
{
    private static readonly double TicksPerSecond = ReadTicksPerSecond();

    /// <summary>User plus system CPU seconds of the process and all its descendants (proc(5): utime, stime).</summary>
    public static double CpuSeconds(int pid) =>
        WithDescendants(pid).Sum(id => ReadStatFields(id) is { } fields
            ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond
            : 0);

    /// <summary>Resident memory now (VmRSS), in MB, summed over the tree.</summary>
    public static double RssMegabytes(int pid) => SumStatusKilobytes(pid, "VmRSS:") / 1024.0;

    /// <summary>Peak resident memory since start (VmHWM), in MB, summed over the tree.</summary>
    public static double PeakRssMegabytes(int pid) => SumStatusKilobytes(pid, "VmHWM:") / 1024.0;

    private static double SumStatusKilobytes(int pid, string field) =>
        WithDescendants(pid).Sum(id =>
        {
            var line = TryReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        });

    private static List<int> WithDescendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id) && ReadStatFields(id) is { } fields)
            {
                parents[id] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    // The command name in field 2 may contain spaces, so fields are counted from the closing parenthesis:
    // index 0 is the state (field 3), index 1 the parent id, index 11 utime (field 14), index 12 stime (field 15).
    private static string[]? ReadStatFields(int pid)
    {
        var stat = TryReadLines($"/proc/{pid}/stat").FirstOrDefault();
        return stat is null ? null : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static string[] TryReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static double ReadTicksPerSecond()
    {
        var output = Shell.Capture("getconf", "CLK_TCK").Trim();
        return double.TryParse(output, NumberStyles.Float, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
    }
}
