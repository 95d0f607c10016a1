using ClinikoIdP.Server.Features.Admin.Audit;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.UnitTests.Audit;

public class AuditCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\")", "\"'=HYPERLINK(\"\"https://evil.example\"\")\"")]
    [InlineData("+441234", "'+441234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void NeutralisesCellsASpreadsheetWouldRunAsFormulas(string value, string expected)
    {
        Assert.Equal(expected, AuditCsv.Cell(value));
    }

    [Theory]
    [InlineData("password", "password")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("1 + 1 = 2", "1 + 1 = 2")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void QuotesOnlyWhereRfc4180Needs(string? value, string expected)
    {
        Assert.Equal(expected, AuditCsv.Cell(value));
    }

    [Fact]
    public void EndsEachLineWithCrLf()
    {
        Assert.Equal("a,\"b,c\",\r\n", AuditCsv.Line(["a", "b,c", null]));
    }

    [Fact]
    public void NamesTheAdministratorAndTheCommandLine()
    {
        var people = new AuditPeople(new Dictionary<string, string?> { ["admin-1"] = "boss@clinic.test" });
        var byAdmin = new SecurityEventRecord { Kind = SecurityEventKinds.AdminKeyRotated, Outcome = "succeeded", ActorId = "admin-1", Sequence = 3 };
        var byCli = new SecurityEventRecord { Kind = SecurityEventKinds.AdminReset2fa, Outcome = "succeeded", ActorId = AuditPeople.CommandLineActor };

        var adminCells = AuditCsv.Cells(byAdmin, people).ToList();
        var cliCells = AuditCsv.Cells(byCli, people).ToList();

        var column = AuditCsv.Header.ToList().IndexOf("Administrator");
        Assert.Equal("boss@clinic.test", adminCells[column]);
        Assert.Equal("command line", cliCells[column]);
        Assert.Equal("Token key rotated", adminCells[AuditCsv.Header.ToList().IndexOf("Event")]);
        Assert.Equal(AuditCsv.Header.Count, adminCells.Count);
    }
}
