using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Editing an app in the console: the change takes effect at the next sign-in and is written to the audit trail.</summary>
public class ClientEditTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static async Task<HtmlForm> EditFormAsync(AdminConsole console, string clientId) =>
        (await console.OpenAsync(ClientRoutes.Edit(clientId))).FormWith("#Input_DisplayName");

    [Fact]
    public async Task TheEditFormShowsTheAppAsRegistered()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console, change: form => form.Set("Input.ThirdParty", "true").Check("Input.RequireMfa"));

        var form = await EditFormAsync(console, app.ClientId);

        Assert.Equal("App " + app.ClientId, form["Input.DisplayName"]);
        Assert.Equal(nameof(ClientType.WebApp), form["Input.Type"]);
        Assert.Equal(app.RedirectUri, form["Input.RedirectUris"]);
        Assert.Equal("true", form["Input.ThirdParty"]);
        Assert.Equal("true", form["Input.RequireMfa"]);
        Assert.Equal(["profile", "email", "offline_access"], form.All("Input.Scopes"));
    }

    [Fact]
    public async Task ANewRedirectUriWorksAndTheOldOneIsRefused()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        var newUri = $"https://{app.ClientId}.clinic.test/auth/callback";

        var details = await console.SubmitAndFollowAsync((await EditFormAsync(console, app.ClientId))
            .Set("Input.DisplayName", "Clinic Bookings")
            .Set("Input.RedirectUris", newUri)
            .SetAll("Input.Scopes", "profile"), ClientRoutes.Details(app.ClientId));

        Assert.Equal("Saved Clinic Bookings.", AdminConsole.Flash(details));
        using var browser = factory.NewBrowser();
        var refused = await browser.GetAsync(app.NewAuthorizationRequest("openid profile").Url);
        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(refused)).Status);
        var moved = new TestClient(factory, app.ClientId, app.Secret, newUri, app.PostLogoutRedirectUri);
        var tokens = await Journeys.SignInForTokensAsync(browser, moved, await factory.StandardUserAsync(), "openid profile");
        Assert.Null(tokens.RefreshToken);
        var audited = await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientUpdated, app.ClientId);
        Assert.Contains("redirect URIs", audited.Detail, StringComparison.Ordinal);
        Assert.Contains(newUri, audited.Detail, StringComparison.Ordinal);
        Assert.Contains("name: App", audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecretSurvivesAnEdit()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var machine = await AppConsole.RegisterMachineAsync(console);

        await console.SubmitAndFollowAsync((await EditFormAsync(console, machine.ClientId)).Set("Input.DisplayName", "Renamed export"),
            ClientRoutes.Details(machine.ClientId));

        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
    }

    [Fact]
    public async Task AnAccessTokenLifetimeSetInTheConsoleIsTheTokensExpiry()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        await console.SubmitAndFollowAsync((await EditFormAsync(console, app.ClientId)).Set("Input.AccessTokenLifetimeMinutes", "7"),
            ClientRoutes.Details(app.ClientId));
        using var browser = factory.NewBrowser();

        var tokens = await Journeys.SignInForTokensAsync(browser, app, await factory.StandardUserAsync());
        var refreshed = (await app.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();

        foreach (var issued in new[] { tokens, refreshed })
        {
            var accessToken = new JsonWebToken(issued.AccessToken);
            Assert.Equal(TimeSpan.FromMinutes(7), accessToken.ValidTo - accessToken.IssuedAt);
            // expires_in counts whole seconds from a clock with sub-second precision to an expiry in whole seconds.
            Assert.InRange(issued.Json.GetProperty("expires_in").GetInt32(), 419, 420);
        }

        Assert.Equal(TimeSpan.FromMinutes(7), (await AppConsole.StoredAsync(factory, app.ClientId))!.Registration.AccessTokenLifetime);
    }

    [Fact]
    public async Task ClearingTheLifetimeReturnsToTheServerDefault()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var machine = await AppConsole.RegisterMachineAsync(console);
        await console.SubmitAndFollowAsync((await EditFormAsync(console, machine.ClientId)).Set("Input.AccessTokenLifetimeMinutes", "2"),
            ClientRoutes.Details(machine.ClientId));
        var shortLived = new JsonWebToken((await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess().AccessToken);

        await console.SubmitAndFollowAsync((await EditFormAsync(console, machine.ClientId)).Set("Input.AccessTokenLifetimeMinutes", ""),
            ClientRoutes.Details(machine.ClientId));
        var standard = new JsonWebToken((await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess().AccessToken);

        Assert.Equal(TimeSpan.FromMinutes(2), shortLived.ValidTo - shortLived.IssuedAt);
        Assert.Equal(TimeSpan.FromMinutes(15), standard.ValidTo - standard.IssuedAt);
    }

    [Fact]
    public async Task APublicAppMadeAWebAppGetsASecretShownOnce()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var spa = await AppConsole.RegisterAsync(console, ClientType.PublicApp);

        var response = await console.SubmitAsync((await EditFormAsync(console, spa.ClientId)).Set("Input.Type", nameof(ClientType.WebApp)));

        var page = await PageDocument.ReadAsync(response, ClientRoutes.Edit(spa.ClientId));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        spa.Secret = AppConsole.SecretShown(page);
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, spa, await factory.StandardUserAsync());
        Assert.NotNull(tokens.AccessToken);
        var audited = await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientUpdated, spa.ClientId);
        Assert.DoesNotContain(spa.Secret, audited.Detail, StringComparison.Ordinal);
    }
}
