using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.Admin.Scopes;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The app and scope pages refuse forged posts and unknown names, and are covered by the console's access rules.</summary>
public class ClientConsoleGuardTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public void TheAccessTestsCoverEveryAppAndScopePage()
    {
        var urls = AdminRouteCatalogue.Urls(factory);

        foreach (var expected in new[]
        {
            ClientRoutes.List, ClientRoutes.New, "/admin/clients/x-clientid", "/admin/clients/x-clientid/edit",
            "/admin/clients/x-clientid/delete", "/admin/clients/x-clientid/rotate-secret",
            ScopeRoutes.List, ScopeRoutes.New, "/admin/scopes/x-name/edit", "/admin/scopes/x-name/delete",
        })
        {
            Assert.Contains(expected, urls, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task RegisteringWithoutTheAntiforgeryTokenIs400AndCreatesNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var clientId = Seed.UniqueId("forged");

        var response = await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, clientId).Remove("__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await AppConsole.StoredAsync(factory, clientId));
    }

    [Theory]
    [InlineData("Disable")]
    [InlineData("Delete")]
    [InlineData("RotateSecret")]
    [InlineData("Edit")]
    public async Task AChangeToAnAppWithoutTheAntiforgeryTokenIs400AndChangesNothing(string action)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var machine = await AppConsole.RegisterMachineAsync(console);
        var url = action switch
        {
            "Disable" => ClientRoutes.Details(machine.ClientId) + "?handler=Disable",
            "Delete" => ClientRoutes.Delete(machine.ClientId),
            "RotateSecret" => ClientRoutes.RotateSecret(machine.ClientId),
            _ => ClientRoutes.Edit(machine.ClientId),
        };

        var response = await console.Browser.PostFormAsync(url, [new("Input.DisplayName", "Forged"), new("Input.Type", "MachineToMachine")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await AppConsole.StoredAsync(factory, machine.ClientId);
        Assert.True(stored is { Enabled: true } && stored.DisplayName.StartsWith("Nightly export", StringComparison.Ordinal));
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        Assert.Equal(1, await factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.ClientId == machine.ClientId)));
    }

    [Fact]
    public async Task ScopeChangesWithoutTheAntiforgeryTokenAre400()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await Seed.ApiScopeAsync(factory);

        var create = await console.Browser.PostFormAsync(ScopeRoutes.New, [new("Input.Name", "forged.scope")]);
        var delete = await console.Browser.PostFormAsync(ScopeRoutes.Delete(Seed.ApiScope), []);

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Empty(await AppConsole.EventsAsync(factory, SecurityEventKinds.AdminScopeCreated));
        Assert.Empty(await AppConsole.EventsAsync(factory, SecurityEventKinds.AdminScopeDeleted));
    }

    [Theory]
    [InlineData("/admin/clients/no-such-app", "?handler=Disable")]
    [InlineData("/admin/clients/no-such-app", "?handler=Enable")]
    [InlineData("/admin/clients/no-such-app/edit", "")]
    [InlineData("/admin/clients/no-such-app/delete", "")]
    [InlineData("/admin/clients/no-such-app/rotate-secret", "")]
    [InlineData("/admin/scopes/no.such.scope/edit", "")]
    [InlineData("/admin/scopes/no.such.scope/delete", "")]
    public async Task AnUnknownAppOrScopeIs404(string url, string handler)
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var get = await console.Browser.GetAsync(url);
        var form = (await console.OpenAsync(ClientRoutes.New)).FormWith("#Input_ClientId");
        var post = await console.Browser.PostFormAsync(url + handler, form.Fields.Where(f => f.Key == "__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task APostNoHandlerTakesIs405NotAnEmptyPage()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        var form = (await console.OpenAsync(ClientRoutes.Details(app.ClientId))).FormWith("form[action*='handler=Disable'] button");

        var response = await console.Browser.PostFormAsync(ClientRoutes.Details(app.ClientId) + "?handler=Bogus", form.Fields);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True((await AppConsole.StoredAsync(factory, app.ClientId))!.Enabled);
    }

    [Theory]
    [InlineData("team/bookings")]
    [InlineData("100%-bookings")]
    public async Task AnAppRegisteredOnTheCommandLineWithUnusualCharactersStillOpens(string suffix)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var clientId = Seed.UniqueId("cli") + suffix;
        await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--redirect-uri", "https://bookings.clinic.test/cb");

        var details = await console.OpenAsync(ClientRoutes.Details(clientId));
        var edit = await console.OpenAsync(ClientRoutes.Edit(clientId));

        Assert.Equal(clientId, details.Document.QuerySelector("#connect-client-id")?.GetAttribute("value"));
        Assert.Equal(clientId, edit.Document.QuerySelector("#client-id")?.TextContent.Trim());
    }
}
