using ClinikoIdP.Server.Features.Operations.Logs;

namespace ClinikoIdP.UnitTests.Operations;

public class QueryRedactionTests
{
    [Theory]
    [InlineData("?id_token_hint=eyJ.x.y&state=abc", "?id_token_hint=[redacted]&state=[redacted]")]
    [InlineData("?token=JSaQ295b", "?token=[redacted]")]
    [InlineData("?flag", "?flag")]
    [InlineData("?a=1=2", "?a=[redacted]")]
    [InlineData("", "")]
    [InlineData("?", "?")]
    public void KeepsNamesAndDropsValues(string query, string expected) =>
        Assert.Equal(expected, QueryRedaction.Redact(query));
}
