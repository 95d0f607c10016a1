using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Cli;

namespace ClinikoIdP.IntegrationTests.Cli;

/// <summary>The command line as a whole: help at every level, and usage errors exit 2 with one line.</summary>
public class AdminCommandLineTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Theory]
    [InlineData("--help")]
    [InlineData("user", "--help")]
    [InlineData("user", "create", "--help")]
    [InlineData("client", "--help")]
    [InlineData("client", "create", "--help")]
    [InlineData("scope", "create", "--help")]
    [InlineData("keys", "--help")]
    public async Task HelpWorksAtEveryLevel(params string[] args)
    {
        var result = await factory.AdminAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task HelpForCreateDescribesItsOptions()
    {
        var result = await factory.AdminAsync("client", "create", "--help");

        Assert.Contains("--client-id", result.Output, StringComparison.Ordinal);
        Assert.Contains("--redirect-uri", result.Output, StringComparison.Ordinal);
        Assert.Contains("--client-credentials", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelpListsTheAdminVerb()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AdminCommandLine.RunAsync(["--help"], output, error, factory.Settings);

        Assert.Equal(0, exitCode);
        Assert.Contains("admin", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOptionExitsWithTwo()
    {
        var result = await factory.AdminAsync("user", "create", "--email", "someone@clinic.test");

        CliAssert.Failed(result, 2, "--password");
    }

    [Fact]
    public async Task UnknownVerbExitsWithTwo()
    {
        var result = await factory.AdminAsync("user", "promote", "--email", "someone@clinic.test");

        CliAssert.Failed(result, 2);
    }

    [Fact]
    public async Task ConflictingOptionsExitWithTwo()
    {
        var result = await factory.AdminAsync(
            "client", "create", "--client-id", "conflicted", "--public", "--secret", "a-secret-long-enough", "--redirect-uri", "https://x.clinic.test/cb");

        CliAssert.Failed(result, 2, "--public");
    }

    [Fact]
    public async Task UnusableDatabaseExitsWithOneAndNamesTheSetting()
    {
        var settings = new Dictionary<string, string?>(factory.Settings)
        {
            ["ConnectionStrings:IdP"] = "Data Source=/nonexistent-dir/for/sure/idp.db",
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AdminCommandLine.RunAsync(["admin", "user", "list"], output, error, settings);

        CliAssert.Failed(new CliResult(exitCode, output.ToString(), error.ToString()), 1, "ConnectionStrings:IdP");
    }
}
