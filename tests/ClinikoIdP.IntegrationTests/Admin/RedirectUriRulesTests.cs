using ClinikoIdP.Server.Features.Clients;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// The redirect URI rules shared by the command line and the console (pure logic; here because the unit-test project
/// does not reference the server).
/// </summary>
public class RedirectUriRulesTests
{
    [Theory]
    [InlineData("https://appointments.clinic.example/signin-oidc")]
    [InlineData("https://appointments.clinic.example:8443/cb?tenant=north")]
    [InlineData("http://localhost:5101/signin-oidc")]
    [InlineData("http://127.0.0.1:7000/callback")]
    [InlineData("http://[::1]:7000/callback")]
    public void AcceptsHttpsAndLoopbackHttp(string uri) => Assert.Null(RedirectUriRules.Check(uri));

    [Theory]
    [InlineData("/signin-oidc", "absolute")]
    [InlineData("signin-oidc", "absolute")]
    [InlineData("https://app.clinic.example/cb#x", "fragment")]
    [InlineData("http://app.clinic.example/cb", "https")]
    [InlineData("http://localhost.evil.example/cb", "https")]
    [InlineData("javascript:alert(1)", "https")]
    [InlineData("data:text/html,hi", "https")]
    [InlineData("file:///etc/passwd", "https")]
    [InlineData("https://user:pw@app.clinic.example/cb", "user name")]
    [InlineData("https://app.clinic.example/*", "wildcard")]
    [InlineData("https://app.clinic.example/c b", "spaces")]
    public void RefusesWithAReason(string uri, string reason) =>
        Assert.Contains(reason, RedirectUriRules.Check(uri), StringComparison.Ordinal);
}
