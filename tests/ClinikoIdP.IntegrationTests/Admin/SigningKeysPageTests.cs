using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The signing keys page: the keys and their state, and a confirmed rotation that this server uses at once.</summary>
public class SigningKeysPageTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static List<string> KeyIds(PageDocument page, string use, string status) =>
        [.. page.Document.QuerySelectorAll($"[data-keys='{use}'] tr[data-status='{status}']").Select(r => r.GetAttribute("data-kid")!)];

    private static async Task<string[]> PublishedKeyIdsAsync(Oidc.TestClient client) =>
        [.. (await client.Tokens.GetJwksAsync()).Keys.Select(k => k.Kid)];

    [Fact]
    public async Task ListsOneActiveSigningKeyAndTheActiveEncryptingAndSigningKeysOfCodesAndRefreshTokens()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await console.OpenAsync(AdminRoutes.Keys);

        Assert.Single(KeyIds(page, "signing", "active"));
        Assert.Contains("RS256", page.Document.QuerySelector("[data-keys='signing'] tr[data-status='active']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, KeyIds(page, "encryption", "active").Count);
        var protection = string.Join(" ", page.Document.QuerySelectorAll("[data-keys='encryption'] tr[data-status='active']").Select(r => r.TextContent));
        Assert.Contains("A256KW", protection, StringComparison.Ordinal);
        Assert.Contains("HS256", protection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingTheSigningKeyPublishesBothKeysAndSignsNewTokensWithTheNewOne()
    {
        var machine = await Seed.MachineClientAsync(factory);
        var oldToken = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess().AccessToken!;
        using var console = await AdminConsole.SignInAsync(factory);
        var keys = await console.OpenAsync(AdminRoutes.Keys);
        var oldKid = Assert.Single(KeyIds(keys, "signing", "active"));
        Assert.Equal([oldKid], await PublishedKeyIdsAsync(machine)); // this node now answers the JWKS from memory

        var confirm = await console.OpenAsync(keys.Document.QuerySelector("[data-keys='signing'] a.button")!.GetAttribute("href")!);
        Assert.Contains(oldKid, confirm.Document.QuerySelector(".danger-zone")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Restart each of the others", confirm.Document.QuerySelector(".danger-zone")!.TextContent, StringComparison.Ordinal);
        var after = await console.SubmitAndFollowAsync(confirm.FormWith("[data-confirm-rotate]"), AdminRoutes.Keys);

        var newKid = Assert.Single(KeyIds(after, "signing", "active"));
        Assert.NotEqual(oldKid, newKid);
        Assert.Contains(oldKid, KeyIds(after, "signing", "retiring"));
        Assert.Contains(newKid, AdminConsole.Flash(after), StringComparison.Ordinal);
        var published = await PublishedKeyIdsAsync(machine);
        Assert.Contains(oldKid, published);
        Assert.Contains(newKid, published);
        var newToken = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess().AccessToken!;
        Assert.Equal(newKid, new JsonWebToken(newToken).Kid);
        Assert.Equal(oldKid, (await machine.Tokens.ValidateAccessTokenAsync(oldToken, Seed.ApiResource)).Kid);
        Assert.Equal(newKid, (await machine.Tokens.ValidateAccessTokenAsync(newToken, Seed.ApiResource)).Kid);

        var adminId = await AuditTestEvents.UserIdOfAsync(factory, console.Admin.User.Email);
        var rotated = await factory.QueryAsync(db => db.SecurityEvents.Where(e => e.Kind == SecurityEventKinds.AdminKeyRotated && e.Detail!.Contains(newKid)).ToListAsync());
        Assert.Equal(adminId, Assert.Single(rotated).ActorId);
        Assert.Contains(oldKid, rotated[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingTheEncryptionKeyKeepsEarlierRefreshTokensWorkingAndNewSignInsToo()
    {
        var user = await Seed.UserAsync(factory);
        var client = await Seed.ClientAsync(factory);
        using var browser = factory.NewBrowser();
        var before = await Journeys.SignInForTokensAsync(browser, client, user);
        using var console = await AdminConsole.SignInAsync(factory);
        var oldKids = KeyIds(await console.OpenAsync(AdminRoutes.Keys), "encryption", "active");

        var confirm = await console.OpenAsync(AdminRoutes.Keys + "/rotate?use=encryption");
        var after = await console.SubmitAndFollowAsync(confirm.FormWith("[data-confirm-rotate]"), AdminRoutes.Keys);

        var newKids = KeyIds(after, "encryption", "active");
        Assert.Equal(2, newKids.Count);
        Assert.Empty(newKids.Intersect(oldKids));
        Assert.Subset(KeyIds(after, "encryption", "retiring").ToHashSet(), oldKids.ToHashSet());
        (await client.RefreshAsync(before.RefreshToken!)).EnsureSuccess();
        using var another = factory.NewBrowser();
        (await Journeys.SignInForTokensAsync(another, client, user)).EnsureSuccess();
    }

    [Fact]
    public async Task AnUnknownKeyIsNotFoundAndAForgedOneIsRefusedWithoutAnyChange()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var before = await console.OpenAsync(AdminRoutes.Keys);

        Assert.Equal(HttpStatusCode.NotFound, (await console.Browser.GetAsync(AdminRoutes.Keys + "/rotate?use=everything")).StatusCode);
        var confirm = await console.OpenAsync(AdminRoutes.Keys + "/rotate?use=signing");
        var forged = await console.SubmitAsync(confirm.FormWith("[data-confirm-rotate]").Set("Input.Use", "everything"));

        var refused = await PageDocument.ReadAsync(forged, AdminRoutes.Keys + "/rotate");
        Assert.Contains("signing key or the encryption key", refused.FieldError("Input.Use"), StringComparison.Ordinal);
        var after = await console.OpenAsync(AdminRoutes.Keys);
        Assert.Equal(KeyIds(before, "signing", "active"), KeyIds(after, "signing", "active"));
        Assert.Equal(KeyIds(before, "encryption", "active"), KeyIds(after, "encryption", "active"));
    }

    [Fact]
    public async Task ARotationWithoutTheAntiforgeryTokenIsRefused()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var before = await console.OpenAsync(AdminRoutes.Keys);
        var confirm = await console.OpenAsync(AdminRoutes.Keys + "/rotate?use=signing");

        var response = await console.SubmitAsync(confirm.FormWith("[data-confirm-rotate]").Remove("__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KeyIds(before, "signing", "active"), KeyIds(await console.OpenAsync(AdminRoutes.Keys), "signing", "active"));
    }
}
