using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Rotating a secret, turning an app off and on, and deleting it, each seen from the app's side.</summary>
public class ClientLifecycleTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static async Task<PageDocument> PressAsync(AdminConsole console, string clientId, string handler)
    {
        var page = await console.OpenAsync(ClientRoutes.Details(clientId));
        var form = page.FormWith($"form[action*='handler={handler}'] button");
        return await console.SubmitAndFollowAsync(form, ClientRoutes.Details(clientId));
    }

    [Fact]
    public async Task RotatingTheSecretShowsTheNewOneOnceAndTheOldOneStopsWorking()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var machine = await AppConsole.RegisterMachineAsync(console);
        var oldSecret = machine.Secret;

        var confirm = await console.OpenAsync(ClientRoutes.RotateSecret(machine.ClientId));
        var response = await console.SubmitAsync(confirm.FormWith("button.danger"));

        var page = await PageDocument.ReadAsync(response, ClientRoutes.RotateSecret(machine.ClientId));
        var newSecret = AppConsole.SecretShown(page);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // TempData may only be cleared here (an empty value), never written: the secret must not travel in a cookie.
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.Contains("TempData=", StringComparison.Ordinal) && !c.Contains("TempData=;", StringComparison.Ordinal));
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal("invalid_client", (await machine.ClientCredentialsAsync(Seed.ApiScope)).Error);
        machine.Secret = newSecret;
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        var audited = await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientSecretRotated, machine.ClientId);
        Assert.DoesNotContain(newSecret, audited.Detail, StringComparison.Ordinal);
        var details = await console.OpenAsync(ClientRoutes.Details(machine.ClientId));
        Assert.DoesNotContain(newSecret, details.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledAppIsRefusedAtTheAuthorizationEndpointWithAnErrorPage()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);

        var details = await PressAsync(console, app.ClientId, "Disable");
        using var browser = factory.NewBrowser();
        var response = await browser.GetAsync(app.NewAuthorizationRequest().Url);

        Assert.Contains("is off", AdminConsole.Flash(details), StringComparison.Ordinal);
        var error = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("unauthorized_client", error.ProtocolError);
        Assert.Contains("turned off", error.Message, StringComparison.Ordinal);
        await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientDisabled, app.ClientId);
    }

    [Fact]
    public async Task ADisabledAppCanNeitherRedeemACodeNorRefreshAndWorksAgainOnceEnabled()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, app, await factory.StandardUserAsync());
        var request = app.NewAuthorizationRequest();
        var code = (await Journeys.AuthorizeAsync(browser, request)).Code!;

        await PressAsync(console, app.ClientId, "Disable");
        var redeemed = await app.RedeemCodeAsync(code, request.Pkce.Verifier);
        var refreshed = await app.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal("unauthorized_client", redeemed.Error);
        Assert.Equal("unauthorized_client", refreshed.Error);
        Assert.Null(refreshed.AccessToken);

        var details = await PressAsync(console, app.ClientId, "Enable");
        Assert.Contains("is on", AdminConsole.Flash(details), StringComparison.Ordinal);
        (await app.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        await Journeys.AuthorizeAsync(browser, app.NewAuthorizationRequest());
        await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientEnabled, app.ClientId);
    }

    [Fact]
    public async Task ADisabledMachineAppGetsNoClientCredentialsToken()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var machine = await AppConsole.RegisterMachineAsync(console);

        await PressAsync(console, machine.ClientId, "Disable");
        var refused = await machine.ClientCredentialsAsync(Seed.ApiScope);
        machine.Secret = "a-wrong-secret-of-enough-length";
        var wrongSecret = await machine.ClientCredentialsAsync(Seed.ApiScope);

        Assert.Equal("unauthorized_client", refused.Error);
        Assert.Null(refused.AccessToken);
        // A caller without the secret learns nothing about the app's state: authentication comes first.
        Assert.Equal("invalid_client", wrongSecret.Error);
        var list = await console.OpenAsync($"{ClientRoutes.List}?type={ClientListModel.OffFilter}");
        Assert.NotNull(list.Document.QuerySelector($"tr[data-client-id='{machine.ClientId}'] .badge.danger"));
    }

    [Fact]
    public async Task DeletingAnAppAfterConfirmationRevokesItsRefreshTokens()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, app, await factory.StandardUserAsync());

        var confirm = await console.OpenAsync(ClientRoutes.Delete(app.ClientId));
        Assert.NotEqual("0", confirm.Document.QuerySelector("[data-valid-tokens]")?.TextContent.Trim());
        var list = await console.SubmitAndFollowAsync(confirm.FormWith("button.danger"), ClientRoutes.List);

        Assert.Contains("Deleted App " + app.ClientId, AdminConsole.Flash(list), StringComparison.Ordinal);
        Assert.Equal("invalid_client", (await app.RefreshAsync(tokens.RefreshToken!)).Error);
        Assert.Null(await AppConsole.StoredAsync(factory, app.ClientId));
        Assert.Equal(HttpStatusCode.NotFound, (await console.Browser.GetAsync(ClientRoutes.Details(app.ClientId))).StatusCode);
        await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientDeleted, app.ClientId);
    }

    [Fact]
    public async Task OpeningTheDeletePageDeletesNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);

        var confirm = await console.OpenAsync(ClientRoutes.Delete(app.ClientId));

        Assert.Contains("Every token", confirm.Document.QuerySelector(".danger-zone")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await AppConsole.StoredAsync(factory, app.ClientId));
    }
}
