using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Cli;

/// <summary><c>admin user create|list|lock|unlock</c>, their refusals, and their effect on sign-in and tokens.</summary>
public class AdminUserCommandTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static string NewEmail() => Seed.UniqueId("cli") + "@clinic.test";

    [Fact]
    public async Task CreatedUserCanSignIn()
    {
        var email = NewEmail();

        var output = await factory.AdminOkAsync("user", "create", "--email", email, "--password", "maple syrup on tuesday", "--name", "Dr Ada Maple");
        using var browser = factory.NewBrowser();
        var response = await (await SignInPage.OpenAsync(browser)).SubmitAsync(email, "maple syrup on tuesday");

        Assert.StartsWith($"Created user {email} (id ", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task ListShowsUsersWithNameAndAdministratorFlag()
    {
        var (staff, admin) = (NewEmail(), NewEmail());
        await factory.AdminOkAsync("user", "create", "--email", staff, "--password", "quiet lighthouse keeper", "--name", "Nurse Staff");
        await factory.AdminOkAsync("user", "create", "--email", admin, "--password", "quiet lighthouse keeper", "--admin");

        var output = await factory.AdminOkAsync("user", "list");

        var staffLine = output.Split('\n').Single(l => l.StartsWith(staff, StringComparison.Ordinal));
        var adminLine = output.Split('\n').Single(l => l.StartsWith(admin, StringComparison.Ordinal));
        Assert.Contains("Nurse Staff", staffLine, StringComparison.Ordinal);
        Assert.Equal(["no", "no"], staffLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2..]);
        Assert.Equal(["yes", "no"], adminLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2..]);
    }

    [Fact]
    public async Task DuplicateEmailFailsWithOneErrorLine()
    {
        var user = await factory.StandardUserAsync();

        var result = await factory.AdminAsync("user", "create", "--email", user.Email, "--password", "another fine passphrase");

        CliAssert.Failed(result, 1, "already exists");
    }

    [Theory]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("short")]
    public async Task WeakPasswordFailsWithOneErrorLine(string password)
    {
        var result = await factory.AdminAsync("user", "create", "--email", NewEmail(), "--password", password);

        CliAssert.Failed(result, 1);
    }

    [Fact]
    public async Task InvalidEmailFailsWithOneErrorLine()
    {
        var result = await factory.AdminAsync("user", "create", "--email", "not-an-email", "--password", "quiet lighthouse keeper");

        CliAssert.Failed(result, 1, "not a valid email");
    }

    [Fact]
    public async Task LockRevokesRefreshTokensAndBlocksSignIn()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);

        var output = await factory.AdminOkAsync("user", "lock", "--email", user.Email);

        Assert.Contains("Locked", output, StringComparison.Ordinal);
        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
        var silent = await Journeys.AuthorizeAsync(browser, client.NewAuthorizationRequest().With("prompt", "none"));
        Assert.Equal("login_required", silent.Error);
        using var freshBrowser = factory.NewBrowser();
        var page = await (await SignInPage.OpenAsync(freshBrowser)).SubmitExpectingFailureAsync(user.Email, user.Password);
        Assert.NotEqual("", page.ErrorSummary);
        var listed = (await factory.AdminOkAsync("user", "list")).Split('\n').Single(l => l.StartsWith(user.Email, StringComparison.Ordinal));
        Assert.EndsWith("yes", listed.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlockLetsALockedUserSignInAgain()
    {
        var user = await Seed.UserAsync(factory);
        await factory.AdminOkAsync("user", "lock", "--email", user.Email);

        await factory.AdminOkAsync("user", "unlock", "--email", user.Email);
        using var browser = factory.NewBrowser();
        var response = await (await SignInPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("unlock")]
    public async Task LockingAnUnknownUserFailsWithOneErrorLine(string verb)
    {
        var result = await factory.AdminAsync("user", verb, "--email", "nobody-here@clinic.test");

        CliAssert.Failed(result, 1, "no user");
    }
}
