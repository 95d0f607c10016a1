using System.Globalization;
using System.Text;

namespace ClinikoIdP.Bench.Reporting;

public static class MarkdownTable
{
    public static string Render(IEnumerable<Row> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| Scenario | Unit | ClinikoIdP | oidc-provider | Ratio ours/peer | Target | Met? | Note |");
        table.AppendLine("|---|---|--:|--:|--:|---|---|---|");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "–" };
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Unit} | {Figure(row.Ours)} | {Figure(row.Peer)} | {Ratio(row.Ratio)} | {row.Target} | {met} | {row.Note} |");
        }

        return table.ToString();
    }

    public static string Figure(double? value) => value switch
    {
        null => "not measured",
        double.NaN => "not measured",
        >= 100 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("N1", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Ratio(double? ratio) => ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";
}
