using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.Admin.Scopes;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>API scopes through the console: create, edit, delete when unused, and a refusal naming the apps when used.</summary>
public class ScopeConsoleTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static string NewName() => Seed.UniqueId("records") + ".read";

    private async Task<(string? DisplayName, string[] Resources)?> StoredAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var scopes = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        return await scopes.FindByNameAsync(name) is { } found
            ? (await scopes.GetDisplayNameAsync(found), [.. await scopes.GetResourcesAsync(found)])
            : null;
    }

    private static async Task<PageDocument> CreateAsync(AdminConsole console, string name, string resources = "records-api")
    {
        var form = (await console.OpenAsync(ScopeRoutes.New)).FormWith("#Input_Name")
            .Set("Input.Name", name).Set("Input.DisplayName", "Read records").Set("Input.Resources", resources);
        return await console.SubmitAndFollowAsync(form, ScopeRoutes.List);
    }

    [Fact]
    public async Task ACreatedScopeIsListedAndAnAppCanBeAllowedIt()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var name = NewName();

        var list = await CreateAsync(console, name, "records-api\nreports-api");
        var machineId = Seed.UniqueId("machine");
        var registered = await AppConsole.SubmitNewAsync(console, form => form.Set("Input.DisplayName", "Export").Set("Input.ClientId", machineId)
            .Set("Input.Type", nameof(ClientType.MachineToMachine)).Set("Input.RedirectUris", "").Set("Input.PostLogoutRedirectUris", "")
            .SetAll("Input.Scopes", name));
        var machine = new Oidc.TestClient(factory, machineId, AppConsole.SecretShown(await PageDocument.ReadAsync(registered, ClientRoutes.New)), "", "");

        Assert.Contains(name, AdminConsole.Flash(list), StringComparison.Ordinal);
        Assert.NotNull(list.Document.QuerySelector($"tr[data-scope='{name}']"));
        var stored = (await StoredAsync(name))!.Value;
        Assert.Equal("Read records", stored.DisplayName);
        Assert.Equal(["records-api", "reports-api"], stored.Resources.Order(StringComparer.Ordinal));
        var accessToken = await machine.Tokens.ValidateAccessTokenAsync((await machine.ClientCredentialsAsync(name)).EnsureSuccess().AccessToken!, "reports-api");
        Assert.Contains("records-api", accessToken.Audiences);
        var audited = await AppConsole.AssertAuditedMentioningAsync(console, SecurityEventKinds.AdminScopeCreated, name);
        Assert.Contains("reports-api", audited.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("email")]
    [InlineData("api/read")]
    [InlineData("quote\"d")]
    public async Task AnUnusableNameIsRefusedBesideTheField(string name)
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var form = (await console.OpenAsync(ScopeRoutes.New)).FormWith("#Input_Name").Set("Input.Name", name);
        var page = await PageDocument.ReadAsync(await console.SubmitAsync(form), ScopeRoutes.New);

        Assert.NotEqual("", page.FieldError("Input.Name"));
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task ADuplicateNameOrABadResourceIsRefused()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var name = NewName();
        await CreateAsync(console, name);

        var form = (await console.OpenAsync(ScopeRoutes.New)).FormWith("#Input_Name")
            .Set("Input.Name", name).Set("Input.Resources", "has space");
        var page = await PageDocument.ReadAsync(await console.SubmitAsync(form), ScopeRoutes.New);

        Assert.Contains("already exists", page.FieldError("Input.Name"), StringComparison.Ordinal);
        Assert.Contains("has space", page.FieldError("Input.Resources"), StringComparison.Ordinal);
        Assert.Equal(["records-api"], (await StoredAsync(name))!.Value.Resources);
    }

    [Fact]
    public async Task EditingChangesTheDisplayNameAndResources()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var name = NewName();
        await CreateAsync(console, name);

        var form = (await console.OpenAsync(ScopeRoutes.Edit(name))).FormWith("#Input_Name")
            .Set("Input.DisplayName", "Read patient records").Set("Input.Resources", "patient-records-api");
        await console.SubmitAndFollowAsync(form, ScopeRoutes.List);

        var stored = (await StoredAsync(name))!.Value;
        Assert.Equal("Read patient records", stored.DisplayName);
        Assert.Equal(["patient-records-api"], stored.Resources);
        var audited = await AppConsole.AssertAuditedMentioningAsync(console, SecurityEventKinds.AdminScopeUpdated, name);
        Assert.Contains("records-api -> patient-records-api", audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnusedScopeIsDeletedAfterConfirmation()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var name = NewName();
        await CreateAsync(console, name);

        var confirm = await console.OpenAsync(ScopeRoutes.Delete(name));
        Assert.NotNull(await StoredAsync(name));
        var list = await console.SubmitAndFollowAsync(confirm.FormWith("button.danger"), ScopeRoutes.List);

        Assert.Contains("Deleted the scope " + name, AdminConsole.Flash(list), StringComparison.Ordinal);
        Assert.Null(await StoredAsync(name));
        await AppConsole.AssertAuditedMentioningAsync(console, SecurityEventKinds.AdminScopeDeleted, name);
    }

    [Fact]
    public async Task AScopeInUseIsNotDeletedNorRenamedAndTheAppsAreNamed()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var name = NewName();
        await CreateAsync(console, name);
        var clientId = Seed.UniqueId("machine");
        await factory.AdminOkAsync("client", "create", "--client-id", clientId, "--display-name", "Records export",
            "--client-credentials", "--scope", name);

        var refusal = await console.OpenAsync(ScopeRoutes.Delete(name));
        var antiforgery = (await console.OpenAsync(ScopeRoutes.New)).FormWith("#Input_Name").Fields.Where(f => f.Key == "__RequestVerificationToken");
        var posted = await console.Browser.PostFormAsync(ScopeRoutes.Delete(name), antiforgery);
        var rename = (await console.OpenAsync(ScopeRoutes.Edit(name))).FormWith("#Input_Name").Set("Input.Name", name + ".renamed");
        var renamed = await PageDocument.ReadAsync(await console.SubmitAsync(rename), ScopeRoutes.Edit(name));

        Assert.NotNull(refusal.Document.QuerySelector("[data-refused]"));
        Assert.Null(refusal.Document.QuerySelector("button.danger"));
        Assert.Contains(clientId, refusal.Document.QuerySelector("[data-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Records export (" + clientId + ")", (await Browser.ParseAsync(posted)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(clientId, renamed.FieldError("Input.Name"), StringComparison.Ordinal);
        Assert.NotNull(await StoredAsync(name));
        Assert.Null(await StoredAsync(name + ".renamed"));
        Assert.DoesNotContain(await AppConsole.EventsAsync(factory, SecurityEventKinds.AdminScopeDeleted), e => e.Detail!.Contains(name, StringComparison.Ordinal));
    }
}
