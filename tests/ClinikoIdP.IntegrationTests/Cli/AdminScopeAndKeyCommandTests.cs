using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Cli;

/// <summary><c>admin scope create|list|show</c> and <c>admin keys list|rotate</c>.</summary>
public class AdminScopeAndKeyCommandTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static string[] KeyLines(string output, string use, string status) =>
        [.. output.Split('\n').Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var u, _, var s, ..] && u == use && s == status)];

    [Fact]
    public async Task CreatedScopeCanBeGivenToAClient()
    {
        var name = Seed.UniqueId("billing") + ".read";

        var output = await factory.AdminOkAsync("scope", "create", "--name", name, "--resource", "billing-api", "--display-name", "Read invoices");
        await factory.AdminOkAsync("client", "create", "--client-id", Seed.UniqueId("m"), "--client-credentials", "--scope", name);

        Assert.Equal($"Created scope {name} for billing-api.", output.Trim());
    }

    [Fact]
    public async Task ScopeListAndShowDescribeACreatedScope()
    {
        var name = Seed.UniqueId("records") + ".write";
        await factory.AdminOkAsync("scope", "create", "--name", name, "--resource", "records-api", "--display-name", "Write records");

        var list = await factory.AdminOkAsync("scope", "list");
        var show = await factory.AdminOkAsync("scope", "show", name);

        Assert.Contains(list.Split('\n'), line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains("records-api", StringComparison.Ordinal));
        Assert.Contains("Display name: Write records", show, StringComparison.Ordinal);
        Assert.Contains("Resource:     records-api", show, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowingAnUnknownScopeFailsWithOneErrorLine()
    {
        CliAssert.Failed(await factory.AdminAsync("scope", "show", "no.such.scope"), 1, "No scope named");
    }

    [Fact]
    public async Task DuplicateScopeFailsWithOneErrorLine()
    {
        await Seed.ApiScopeAsync(factory);

        CliAssert.Failed(await factory.AdminAsync("scope", "create", "--name", Seed.ApiScope), 1, "already exists");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("quote\"d")]
    public async Task InvalidScopeNameFailsWithOneErrorLine(string name)
    {
        CliAssert.Failed(await factory.AdminAsync("scope", "create", "--name", name), 1);
    }

    [Fact]
    public async Task KeysListShowsOneActiveSigningKeyAndTheActiveKeysOfCodesAndRefreshTokens()
    {
        var output = await factory.AdminOkAsync("keys", "list");

        Assert.Contains("RS256", Assert.Single(KeyLines(output, "sig", "active")), StringComparison.Ordinal);
        var protection = KeyLines(output, "enc", "active").ToList();
        Assert.Equal(2, protection.Count);
        Assert.Contains(protection, line => line.Contains("A256KW", StringComparison.Ordinal));
        Assert.Contains(protection, line => line.Contains("HS256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeysRotateMakesANewActiveKeyAndKeepsTheOldOnePublished()
    {
        var before = await factory.AdminOkAsync("keys", "list");
        var oldActive = Assert.Single(KeyLines(before, "sig", "active")).Split(' ')[0];

        var rotated = await factory.AdminOkAsync("keys", "rotate");
        var after = await factory.AdminOkAsync("keys", "list");

        var newActive = Assert.Single(KeyLines(after, "sig", "active")).Split(' ')[0];
        Assert.NotEqual(oldActive, newActive);
        Assert.Contains(newActive, rotated, StringComparison.Ordinal);
        Assert.Contains(KeyLines(after, "sig", "retiring"), l => l.StartsWith(oldActive, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeysRotateWithEncryptionRotatesOnlyTheEncryptionKey()
    {
        var before = await factory.AdminOkAsync("keys", "list");

        await factory.AdminOkAsync("keys", "rotate", "--encryption");
        var after = await factory.AdminOkAsync("keys", "list");

        Assert.Equal(KeyLines(before, "sig", "active"), KeyLines(after, "sig", "active"));
        Assert.NotEqual(KeyLines(before, "enc", "active"), KeyLines(after, "enc", "active"));
        Assert.NotEmpty(KeyLines(after, "enc", "retiring"));
    }
}
