using ClinikoIdP.Bench;
using ClinikoIdP.Bench.Reporting;
using ClinikoIdP.Bench.Scenarios;

var options = BenchOptions.Parse(args);
var workDirectory = Directory.CreateTempSubdirectory("clinikoidp-bench-").FullName;
var command = "bash bench/run.sh" + (options.Quick ? " --quick" : "") + (options.FlowsOnly ? " --flows-only" : "") + (options.PostgresConnectionString is null ? "" : " --postgres …");
var results = new Results(Machine.Describe(options.RepositoryRoot), command);
Console.WriteLine($"Benchmark: {options.PointDuration.TotalSeconds} s per point, servers' logs in {workDirectory}");

var exitCode = 0;
try
{
    await new BenchRun(options, results, workDirectory).Execute();
}
catch (Exception failure) when (failure is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
{
    results.Problems.Add($"The run stopped early: {failure.Message}");
    Console.Error.WriteLine($"error: {failure.Message} (servers' logs in {workDirectory})");
    exitCode = 1;
}

var (markdown, json) = await results.Write(Path.Combine(options.RepositoryRoot, "bench", "results"));
Console.WriteLine();
Console.WriteLine(PerformanceDocument.Figures(results));
Console.WriteLine($"Written {markdown} and {json}");
if (options.WriteDocs)
{
    var docs = Path.Combine(options.RepositoryRoot, "docs", "performance.md");
    await File.WriteAllTextAsync(docs, PerformanceDocument.Document(results, options.Label));
    Console.WriteLine($"Rewritten {docs}");
}

return exitCode;
