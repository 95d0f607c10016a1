using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Registering each kind of app through the console, then using it as a real relying party would.</summary>
public class ClientRegistrationTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task AWebAppRegisteredInTheConsoleSignsStaffInWithItsSecret()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var app = await AppConsole.RegisterAsync(console);
        using var browser = factory.NewBrowser();
        var request = app.NewAuthorizationRequest();
        var response = await Journeys.SignInAsync(browser, request, await factory.StandardUserAsync());
        var tokens = (await app.RedeemCodeAsync(response.Code!, request.Pkce.Verifier)).EnsureSuccess();

        await app.Tokens.ValidateIdTokenAsync(tokens.IdToken!, app.ClientId, request.Nonce);
        Assert.NotNull(tokens.RefreshToken);
        Assert.True(app.Secret!.Length >= 32);
        var audited = await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientCreated, app.ClientId);
        Assert.Contains(app.RedirectUri, audited.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Secret, audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebAppStillNeedsPkceToRedeemItsCode()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);
        using var browser = factory.NewBrowser();
        var request = app.NewAuthorizationRequest();
        var response = await Journeys.SignInAsync(browser, request, await factory.StandardUserAsync());

        var tokens = await app.RedeemCodeAsync(response.Code!, verifier: null);

        Assert.False(tokens.IsSuccess);
        Assert.True(tokens.Error is "invalid_request" or "invalid_grant", $"Got {tokens.Error}.");
    }

    [Fact]
    public async Task APublicAppGetsNoSecretAndSignsInWithPkceAlone()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var app = await AppConsole.RegisterAsync(console, ClientType.PublicApp);
        using var browser = factory.NewBrowser();
        var request = app.NewAuthorizationRequest("openid profile");
        var response = await Journeys.SignInAsync(browser, request, await factory.StandardUserAsync());
        var tokens = await app.RedeemCodeAsync(response.Code!, request.Pkce.Verifier, ClientAuthentication.None);

        tokens.EnsureSuccess();
        Assert.Null(app.Secret);
        await AppConsole.AssertAuditedAsync(console, SecurityEventKinds.AdminClientCreated, app.ClientId);
    }

    [Fact]
    public async Task AMachineToMachineAppGetsTokensForItsApiWithClientCredentialsOnly()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var machine = await AppConsole.RegisterMachineAsync(console);
        var tokens = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        var accessToken = await machine.Tokens.ValidateAccessTokenAsync(tokens.AccessToken!, Seed.ApiResource);
        Assert.Equal(machine.ClientId, accessToken.Subject);
        using var browser = factory.NewBrowser();
        var authorize = await browser.GetAsync(machine.NewAuthorizationRequest().Url);
        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(authorize)).Status);
        var stored = await AppConsole.StoredAsync(factory, machine.ClientId);
        Assert.Empty(stored!.Registration.RedirectUris);
        Assert.Equal([Seed.ApiScope], stored.Registration.Scopes);
    }

    [Fact]
    public async Task AThirdPartyAppShowsTheConsentPage()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console, change: form => form.Set("Input.ThirdParty", "true"));
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();

        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(app.NewAuthorizationRequest().Url));
        var consent = await ConsentPage.ReadAsync(browser, await browser.FollowAsync(await signIn.SubmitAsync(user.Email, user.Password)));

        Assert.Contains("App " + app.ClientId, consent.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppThatRequiresMfaSendsAPasswordOnlyUserToEnrolment()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console, change: form => form.Check("Input.RequireMfa"));
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();

        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(app.NewAuthorizationRequest().Url));
        var submitted = await signIn.SubmitAsync(user.Email, user.Password);

        Assert.Equal("/enrol", Browser.LocationOf(submitted).AbsolutePath);
        Assert.True((await AppConsole.StoredAsync(factory, app.ClientId))!.Registration.RequireMfa);
    }

    [Fact]
    public async Task TheAppPageShowsHowToConnectWithCopyButtons()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var app = await AppConsole.RegisterAsync(console);

        var page = await console.OpenAsync(ClientRoutes.Details(app.ClientId));

        string Value(string id) => page.Document.QuerySelector($"#{id}")?.GetAttribute("value") ?? "";
        Assert.Equal("https://localhost/", Value("connect-issuer"));
        Assert.Equal("https://localhost/.well-known/openid-configuration", Value("connect-discovery"));
        Assert.Equal(app.ClientId, Value("connect-client-id"));
        Assert.Equal(app.RedirectUri, Value("connect-redirect-1"));
        Assert.Equal(app.PostLogoutRedirectUri, Value("connect-post-logout-1"));
        Assert.Equal("openid profile email offline_access", Value("connect-scopes"));
        foreach (var id in new[] { "connect-issuer", "connect-discovery", "connect-client-id", "connect-redirect-1", "connect-scopes" })
        {
            Assert.NotNull(page.Document.QuerySelector($"button[data-copy='{id}']"));
        }

        var discovery = await factory.NewBackChannel().GetAsync(new Uri(Value("connect-discovery")).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [Fact]
    public async Task TheListFindsAppsByNameOrClientId()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var web = await AppConsole.RegisterAsync(console);
        var spa = await AppConsole.RegisterAsync(console, ClientType.PublicApp);

        var found = await console.OpenAsync($"{ClientRoutes.List}?q={web.ClientId}");
        var publicOnly = await console.OpenAsync($"{ClientRoutes.List}?type=public");

        Assert.Equal([web.ClientId], Rows(found));
        Assert.Contains(spa.ClientId, Rows(publicOnly));
        Assert.DoesNotContain(web.ClientId, Rows(publicOnly));
        Assert.NotNull((await console.OpenAsync($"{ClientRoutes.List}?q=no-such-app-anywhere")).Document.QuerySelector(".empty"));
    }

    private static List<string> Rows(PageDocument page) =>
        [.. page.Document.QuerySelectorAll("tr[data-client-id]").Select(r => r.GetAttribute("data-client-id")!)];
}
