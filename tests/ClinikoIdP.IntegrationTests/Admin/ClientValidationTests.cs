using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Invalid input on the register and edit forms: a clear message beside the field, and nothing changed.</summary>
public class ClientValidationTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    public static TheoryData<string> BadRedirectUris => new()
    {
        "/signin-oidc",
        "https://app.clinic.test/signin-oidc#token",
        "http://app.clinic.test/signin-oidc",
        "javascript:alert(1)",
        "https://*.clinic.test/signin-oidc",
        "https://someone:secret@app.clinic.test/signin-oidc",
    };

    private static async Task<PageDocument> RejectedAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageDocument.ReadAsync(response, path);
    }

    [Theory]
    [MemberData(nameof(BadRedirectUris))]
    public async Task ABadRedirectUriIsNamedBesideTheFieldAndNothingIsCreated(string badUri)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var clientId = Seed.UniqueId("bad-uri");

        var response = await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, clientId)
            .Set("Input.RedirectUris", $"https://{clientId}.clinic.test/ok\n{badUri}"));

        var page = await RejectedAsync(response, ClientRoutes.New);
        var error = page.FieldError("Input.RedirectUris");
        Assert.StartsWith("Line 2:", error, StringComparison.Ordinal);
        Assert.Contains(badUri, error, StringComparison.Ordinal);
        Assert.Null(await AppConsole.StoredAsync(factory, clientId));
        Assert.Empty(await AppConsole.EventsAsync(factory, SecurityEventKinds.AdminClientCreated, clientId));
        Assert.Equal(badUri, page.FormWith("#Input_ClientId")["Input.RedirectUris"]!.Split('\n')[1]);
    }

    [Fact]
    public async Task ABadPostLogoutOrBackChannelUriIsRefusedToo()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var clientId = Seed.UniqueId("bad-uri");

        var response = await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, clientId)
            .Set("Input.PostLogoutRedirectUris", "http://elsewhere.example/bye")
            .Set("Input.BackChannelLogoutUri", "ftp://app.clinic.test/logout"));

        var page = await RejectedAsync(response, ClientRoutes.New);
        Assert.Contains("http://elsewhere.example/bye", page.FieldError("Input.PostLogoutRedirectUris"), StringComparison.Ordinal);
        Assert.Contains("https://", page.FieldError("Input.BackChannelLogoutUri"), StringComparison.Ordinal);
        Assert.Null(await AppConsole.StoredAsync(factory, clientId));
    }

    [Fact]
    public async Task ADuplicateClientIdIsRefusedAndTheExistingAppIsUntouched()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var existing = await AppConsole.RegisterAsync(console);

        var response = await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, existing.ClientId)
            .Set("Input.DisplayName", "Impostor")
            .Set("Input.RedirectUris", "https://impostor.example/signin-oidc"));

        var page = await RejectedAsync(response, ClientRoutes.New);
        Assert.Contains("already exists", page.FieldError("Input.ClientId"), StringComparison.Ordinal);
        var stored = await AppConsole.StoredAsync(factory, existing.ClientId);
        Assert.Equal("App " + existing.ClientId, stored!.DisplayName);
        Assert.Equal([existing.RedirectUri], stored.Registration.RedirectUris);
        Assert.Single(await AppConsole.EventsAsync(factory, SecurityEventKinds.AdminClientCreated, existing.ClientId));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("new")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task AnUnusableClientIdIsRefused(string clientId)
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var response = await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, Seed.UniqueId("x"))
            .Set("Input.ClientId", clientId));

        var page = await RejectedAsync(response, ClientRoutes.New);
        Assert.NotEqual("", page.FieldError("Input.ClientId"));
    }

    [Fact]
    public async Task AMachineAppWithRedirectUrisAndAnAppWithoutAnyAreRefused()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var machineId = Seed.UniqueId("machine");
        var webId = Seed.UniqueId("web");

        var machine = await RejectedAsync(await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, machineId)
            .Set("Input.Type", nameof(ClientType.MachineToMachine))), ClientRoutes.New);
        var web = await RejectedAsync(await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, webId)
            .Set("Input.RedirectUris", "  \n ")), ClientRoutes.New);

        Assert.Contains("machine-to-machine", machine.FieldError("Input.RedirectUris"), StringComparison.Ordinal);
        Assert.Contains("at least one redirect URI", web.FieldError("Input.RedirectUris"), StringComparison.Ordinal);
        Assert.Null(await AppConsole.StoredAsync(factory, machineId));
        Assert.Null(await AppConsole.StoredAsync(factory, webId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    [InlineData("soon")]
    public async Task AnAccessTokenLifetimeOutsideOneMinuteToADayIsRefused(string minutes)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var clientId = Seed.UniqueId("lifetime");

        var response = await AppConsole.SubmitNewAsync(console, form => AppConsole.Interactive(form, clientId)
            .Set("Input.AccessTokenLifetimeMinutes", minutes));

        var page = await RejectedAsync(response, ClientRoutes.New);
        Assert.NotEqual("", page.FieldError("Input.AccessTokenLifetimeMinutes"));
        Assert.Null(await AppConsole.StoredAsync(factory, clientId));
    }

    [Fact]
    public async Task ABadRedirectUriOnTheEditFormChangesNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        var form = (await console.OpenAsync(ClientRoutes.Edit(app.ClientId))).FormWith("#Input_DisplayName");

        var response = await console.SubmitAsync(form
            .Set("Input.DisplayName", "Renamed")
            .Set("Input.RedirectUris", app.RedirectUri + "\nhttp://app.clinic.test/plain-http"));

        var page = await RejectedAsync(response, ClientRoutes.Edit(app.ClientId));
        Assert.Contains("Line 2:", page.FieldError("Input.RedirectUris"), StringComparison.Ordinal);
        var stored = await AppConsole.StoredAsync(factory, app.ClientId);
        Assert.Equal("App " + app.ClientId, stored!.DisplayName);
        Assert.Equal([app.RedirectUri], stored.Registration.RedirectUris);
        Assert.Empty(await AppConsole.EventsAsync(factory, SecurityEventKinds.AdminClientUpdated, app.ClientId));
    }
}
