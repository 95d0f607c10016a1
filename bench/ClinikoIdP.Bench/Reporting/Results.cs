using System.Text.Json;
using ClinikoIdP.Bench.Load;

namespace ClinikoIdP.Bench.Reporting;

/// <summary>Everything one run measured: the table rows, every raw wrk run, the machine and the command.</summary>
public sealed class Results(Machine machine, string command)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Machine Machine => machine;

    public string Command => command;

    public List<Row> Rows { get; } = [];

    public Dictionary<string, WrkResult> Runs { get; } = [];

    public List<string> Problems { get; } = [];

    public async Task<(string Markdown, string Json)> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var stamp = machine.Date.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var markdownPath = Path.Combine(directory, $"{stamp}.md");
        var jsonPath = Path.Combine(directory, $"{stamp}.json");
        await File.WriteAllTextAsync(markdownPath, PerformanceDocument.Figures(this));
        var json = JsonSerializer.Serialize(new
        {
            machine,
            command,
            rows = Rows.Select(r => new { r.Scenario, r.Unit, r.Ours, r.Peer, r.Ratio, r.Target, r.Met, r.Note }),
            runs = Runs,
            problems = Problems,
        }, Indented);
        await File.WriteAllTextAsync(jsonPath, json);
        return (markdownPath, jsonPath);
    }
}
