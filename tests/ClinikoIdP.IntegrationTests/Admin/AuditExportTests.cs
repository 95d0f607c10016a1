using System.Net;
using System.Text;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The CSV export: the current filter's events, safe to open in a spreadsheet, and itself in the audit trail.</summary>
public class AuditExportTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task ExportsTheFilteredEventsAsCsvWithFormulasNeutralisedAndRecordsTheExport()
    {
        var user = await Seed.UserAsync(factory);
        string[] hostile = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "plain, with a comma"];
        foreach (var detail in hostile)
        {
            await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Failed, user.Email, detail);
        }

        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignIn, detail: "someone else entirely");
        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync($"{AdminRoutes.Audit}?user={Uri.EscapeDataString(user.Email)}&kind={SecurityEventKinds.SecondFactor}");

        var response = await console.Browser.GetAsync(page.Document.QuerySelector("[data-export]")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var today = factory.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"clinikoidp-audit-{today}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        var header = rows[0];
        Assert.Equal(["Sequence", "Event id", "Time (UTC)", "Event", "Kind", "Outcome"], header.Take(6));
        var details = rows.Skip(1).Select(r => r[header.IndexOf("Detail")]).ToList();
        Assert.Equal(
            ["'=HYPERLINK(\"https://evil.example\",\"click\")", "'+1+1", "'-1+1", "'@SUM(A1)", "'\tcmd", "plain, with a comma"],
            details.AsEnumerable().Reverse());
        Assert.All(rows.Skip(1), r => Assert.Equal(user.Email, r[header.IndexOf("Email")]));
        Assert.All(rows.Skip(1), r => Assert.Equal("Second factor", r[header.IndexOf("Event")]));

        var adminId = await AuditTestEvents.UserIdOfAsync(factory, console.Admin.User.Email);
        var exported = await factory.QueryAsync(db => db.SecurityEvents
            .Where(e => e.Kind == SecurityEventKinds.AdminAuditExported).ToListAsync());
        var record = Assert.Single(exported);
        Assert.Equal(adminId, record.ActorId);
        Assert.Equal(user.Email, record.Email);
        Assert.Contains("6 events", record.Detail, StringComparison.Ordinal);
        Assert.Contains("event second_factor", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportWithABadFilterShowsThePageWithTheErrorInstead()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var response = await console.Browser.GetAsync($"{AdminRoutes.Audit}?handler=csv&from=yesterday");

        var page = await PageDocument.ReadAsync(response, AdminRoutes.Audit);
        Assert.Contains("year-month-day", page.FieldError("from"), StringComparison.Ordinal);
    }

    /// <summary>RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
