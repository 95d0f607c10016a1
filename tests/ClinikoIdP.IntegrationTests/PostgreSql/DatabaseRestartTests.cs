using System.Net;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Faults;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Operations;
using ClinikoIdP.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.PostgreSql;

/// <summary>
/// Issue 6, "Faults", with a real database server: PostgreSQL is killed in the middle of a sign-in and started again.
/// The node says so (503, readiness fails), recovers without a restart, the same sign-in completes, and nothing that
/// was saved is lost or corrupted.
/// </summary>
public sealed class DatabaseRestartTests : IDisposable
{
    private readonly TestPostgreSql.PrivateServer server = new(RepositoryPaths.Root(), LoopbackPorts.Free());

    [Fact]
    public async Task AKilledDatabaseServerGives503sThenTheSameSignInCompletesAndTheDataIsIntact()
    {
        var (name, connectionString) = TestPostgreSql.CreateDatabase(server.ConnectionString);
        using var database = TestDatabase.OnPostgreSql(name, connectionString, server.ConnectionString);
        using var node = IdpFactory.On(database, TwoFactorEnforcement.Always);
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(node);
        var client = await node.StandardClientAsync();
        var request = client.NewAuthorizationRequest();
        using var browser = node.NewBrowser();
        var secondFactor = await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, enrolled.User));
        var before = await CountsAsync(node);
        using var probe = node.NewBackChannel();

        server.Kill();

        await UnavailableAnswers.AssertPageAsync(await secondFactor.SubmitAsync(enrolled.App.Code()));
        await UnavailableAnswers.AssertJsonAsync(await client.PostAsync(
            "/connect/token", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "x" }, ClientAuthentication.ClientSecretBasic));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync(OperationsPaths.Ready)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Live)).StatusCode);

        server.Start();

        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Ready)).StatusCode);
        var page = await SecondFactorPage.ReadAsync(
            browser, await browser.GetAsync($"{SecondFactorPage.Path}?ReturnUrl={Uri.EscapeDataString(secondFactor.ReturnUrl!)}"));
        var landed = await browser.FollowAsync(await page.SubmitAsync(enrolled.App.Code()));
        await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(landed));

        var after = await CountsAsync(node);
        Assert.Equal(before.Users, after.Users);
        Assert.Equal(before.BackupCodes, after.BackupCodes);
        Assert.True(after.Events > before.Events);
        Assert.StartsWith("Audit trail intact", await node.AdminOkAsync("audit", "verify"), StringComparison.Ordinal);
    }

    public void Dispose() => server.Dispose();

    private static Task<(int Users, int BackupCodes, int Events)> CountsAsync(IdpFactory node) => node.QueryAsync(async db =>
        (await db.Users.CountAsync(), await db.BackupCodes.CountAsync(c => c.UsedAt == null), await db.SecurityEvents.CountAsync()));
}
