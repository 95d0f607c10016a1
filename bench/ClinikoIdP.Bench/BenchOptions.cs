using System.Globalization;

namespace ClinikoIdP.Bench;

/// <summary>Command-line options; bench/README.md lists them.</summary>
public sealed record BenchOptions(
    string RepositoryRoot,
    bool Quick,
    bool WriteDocs,
    TimeSpan PointDuration,
    string? PostgresConnectionString,
    string? Label,
    int UsersForGrowth,
    int TokensForGrowth,
    bool FlowsOnly)
{
    public static readonly int[] Connections = [1, 4, 8, 16, 64];

    public static BenchOptions Parse(string[] args)
    {
        string? root = null, postgres = Environment.GetEnvironmentVariable("CLINIKOIDP_TEST_POSTGRES"), label = null;
        bool quick = false, writeDocs = false, flowsOnly = false;
        int? seconds = null;
        int users = 100_000, tokens = 1_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repo": root = args[++i]; break;
                case "--quick": quick = true; break;
                case "--write-docs": writeDocs = true; break;
                case "--duration": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[++i]; break;
                case "--label": label = args[++i]; break;
                case "--users": users = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--tokens": tokens = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--flows-only": flowsOnly = true; break;
                default: throw new ArgumentException($"unknown option '{args[i]}' (see bench/README.md)");
            }
        }

        root ??= FindRepositoryRoot();
        var duration = TimeSpan.FromSeconds(seconds ?? (quick ? 3 : 10));
        return new BenchOptions(Path.GetFullPath(root), quick, writeDocs, duration,
            string.IsNullOrWhiteSpace(postgres) ? null : postgres, label, users, tokens, flowsOnly);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClinikoIdP.sln")))
            {
                return directory.FullName;
            }
        }

        throw new ArgumentException("run from inside the repository or pass --repo PATH");
    }
}
