using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Admin.Clients;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The console's app pages driven as an administrator would, and the facts behind them that tests check.</summary>
public static class AppConsole
{
    /// <summary>Opens "Register an app", fills the form and submits it; the raw response (200 with the secret or errors, 303).</summary>
    public static async Task<HttpResponseMessage> SubmitNewAsync(AdminConsole console, Action<HtmlForm> fill)
    {
        var form = (await console.OpenAsync(ClientRoutes.New)).FormWith("#Input_ClientId");
        fill(form);
        return await console.SubmitAsync(form);
    }

    /// <summary>Fills the form for an app users sign in to, at https://ID.clinic.test.</summary>
    public static HtmlForm Interactive(HtmlForm form, string clientId, ClientType type = ClientType.WebApp) => form
        .Set("Input.DisplayName", "App " + clientId)
        .Set("Input.ClientId", clientId)
        .Set("Input.Type", type.ToString())
        .Set("Input.RedirectUris", RedirectUri(clientId))
        .Set("Input.PostLogoutRedirectUris", PostLogoutUri(clientId));

    public static string RedirectUri(string clientId) => $"https://{clientId}.clinic.test/signin-oidc";

    public static string PostLogoutUri(string clientId) => $"https://{clientId}.clinic.test/signed-out";

    /// <summary>Registers a web app (or a public one) through the console and returns it as a relying party.</summary>
    public static async Task<TestClient> RegisterAsync(AdminConsole console, ClientType type = ClientType.WebApp, Action<HtmlForm>? change = null)
    {
        var clientId = Seed.UniqueId(type == ClientType.PublicApp ? "console-spa" : "console-app");
        var response = await SubmitNewAsync(console, form =>
        {
            Interactive(form, clientId, type);
            change?.Invoke(form);
        });
        string? secret = null;
        if (type == ClientType.PublicApp)
        {
            await PageDocument.ReadAsync(await console.Browser.FollowAsync(AssertSeeOther(response)), ClientRoutes.Details(clientId));
        }
        else
        {
            secret = SecretShown(await PageDocument.ReadAsync(response, ClientRoutes.New));
        }

        return new TestClient(console.Factory, clientId, secret, RedirectUri(clientId), PostLogoutUri(clientId));
    }

    /// <summary>Registers a machine-to-machine app allowed the patients.read API scope.</summary>
    public static async Task<TestClient> RegisterMachineAsync(AdminConsole console)
    {
        await Seed.ApiScopeAsync(console.Factory);
        var clientId = Seed.UniqueId("console-machine");
        var response = await SubmitNewAsync(console, form => form
            .Set("Input.DisplayName", "Nightly export " + clientId)
            .Set("Input.ClientId", clientId)
            .Set("Input.Type", nameof(ClientType.MachineToMachine))
            .Set("Input.RedirectUris", "")
            .Set("Input.PostLogoutRedirectUris", "")
            .SetAll("Input.Scopes", Seed.ApiScope));
        var secret = SecretShown(await PageDocument.ReadAsync(response, ClientRoutes.New));
        return new TestClient(console.Factory, clientId, secret, "https://unused.clinic.test/", "https://unused.clinic.test/");
    }

    /// <summary>The secret on a page that shows one once.</summary>
    public static string SecretShown(PageDocument page)
    {
        var secret = page.Document.QuerySelector("#client-secret")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(secret), $"{page.Uri} shows no secret.");
        return secret!;
    }

    public static HttpResponseMessage AssertSeeOther(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Expected 303, got {(int)response.StatusCode}.");
        return response;
    }

    /// <summary>The client as stored now, or null when there is none.</summary>
    public static async Task<RegisteredClient?> StoredAsync(IdpFactory factory, string clientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        return await applications.FindByClientIdAsync(clientId) is { } application
            ? await RegisteredClient.ReadAsync(applications, application, CancellationToken.None)
            : null;
    }

    public static Task<string> AdminIdAsync(AdminConsole console) =>
        console.Factory.QueryAsync(db => db.Users.Where(u => u.Email == console.Admin.User.Email).Select(u => u.Id).SingleAsync());

    /// <summary>The audit events of one kind, newest last; <paramref name="clientId"/> narrows them to one app.</summary>
    public static Task<List<SecurityEventRecord>> EventsAsync(IdpFactory factory, string kind, string? clientId = null) =>
        factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == kind && (clientId == null || e.ClientId == clientId)).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Asserts exactly one event of the kind was written for the app, by this console's administrator, and returns it.</summary>
    public static async Task<SecurityEventRecord> AssertAuditedAsync(AdminConsole console, string kind, string clientId)
    {
        var audited = Assert.Single(await EventsAsync(console.Factory, kind, clientId));
        return await AssertByAdminAsync(console, audited);
    }

    /// <summary>Asserts exactly one event of the kind mentions <paramref name="detail"/>, written by this console's administrator.</summary>
    public static async Task<SecurityEventRecord> AssertAuditedMentioningAsync(AdminConsole console, string kind, string detail)
    {
        var audited = Assert.Single(await EventsAsync(console.Factory, kind), e => e.Detail?.Contains(detail, StringComparison.Ordinal) == true);
        return await AssertByAdminAsync(console, audited);
    }

    private static async Task<SecurityEventRecord> AssertByAdminAsync(AdminConsole console, SecurityEventRecord audited)
    {
        Assert.Equal(await AdminIdAsync(console), audited.ActorId);
        Assert.Equal(SecurityEventOutcomes.Succeeded, audited.Outcome);
        return audited;
    }
}
