using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>A staff member's sessions and the apps they are signed in to, seen and ended from the console.</summary>
public class StaffSessionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task EndingOneSessionSignsOutThatBrowserOnly()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var first = await StaffConsole.SignedInBrowserAsync(factory, user);
        var firstSession = Assert.Single(StaffConsole.SessionIds(await console.OpenAsync(StaffRoutes.Member(userId))));
        using var second = await StaffConsole.SignedInBrowserAsync(factory, user);
        var listed = StaffConsole.SessionIds(await console.OpenAsync(StaffRoutes.Member(userId)));
        Assert.Equal(2, listed.Count);
        Assert.Contains(firstSession, listed);

        var confirm = await console.OpenAsync(StaffRoutes.EndSession(userId, firstSession));
        var member = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-end-session']"), StaffRoutes.Member(userId));

        Assert.False(await StaffConsole.IsSignedInAsync(first));
        Assert.True(await StaffConsole.IsSignedInAsync(second));
        Assert.DoesNotContain(firstSession, StaffConsole.SessionIds(member));
        Assert.Single(StaffConsole.SessionIds(member));
        Assert.Equal(SessionEndReasons.RevokedByAdministrator, (await StaffConsole.SessionRecordAsync(factory, firstSession)).EndReason);
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminSessionRevoked);
    }

    [Fact]
    public async Task EndingOneSessionRevokesTheAppsItSignedInTo()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);
        var session = Assert.Single(StaffConsole.SessionIds(await console.OpenAsync(StaffRoutes.Member(userId))));

        var confirm = await console.OpenAsync(StaffRoutes.EndSession(userId, session));
        await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-end-session']"), StaffRoutes.Member(userId));

        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task EndingAllSessionsSignsEveryBrowserOut()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var first = await StaffConsole.SignedInBrowserAsync(factory, user);
        using var second = await StaffConsole.SignedInBrowserAsync(factory, user);

        var page = await console.OpenAsync(StaffRoutes.Member(userId));
        var confirm = await console.OpenAsync(page.Document.QuerySelector("[data-action='end-all-sessions']")!.GetAttribute("href")!);
        Assert.Contains("All 2 active sessions end", confirm.Document.QuerySelector("[data-confirm]")!.TextContent, StringComparison.Ordinal);
        var member = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-end-all-sessions']"), StaffRoutes.Member(userId));

        Assert.False(await StaffConsole.IsSignedInAsync(first));
        Assert.False(await StaffConsole.IsSignedInAsync(second));
        Assert.Empty(StaffConsole.SessionIds(member));
        Assert.NotNull(member.Document.QuerySelector("[data-empty='sessions']"));
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminSessionRevoked);
        using var again = await StaffConsole.SignedInBrowserAsync(factory, user);
        Assert.True(await StaffConsole.IsSignedInAsync(again));
    }

    [Fact]
    public async Task SigningOutEndsTheSessionRecord()
    {
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user);
        var sessionId = await factory.QueryAsync(db => db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).SingleAsync());

        var signOut = await PageDocument.ReadAsync(await browser.GetAsync("/signout"), "/signout");
        await browser.FollowAsync(await signOut.FormWith("button[type='submit']").SubmitAsync(browser));

        var record = await StaffConsole.SessionRecordAsync(factory, sessionId);
        Assert.Equal(SessionEndReasons.SignedOut, record.EndReason);
        Assert.NotNull(record.EndedAt);
    }

    [Fact]
    public async Task ASessionCookieWithoutALiveRecordIsRefused()
    {
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user);

        await factory.QueryAsync(db => db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync());

        Assert.False(await StaffConsole.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task RevokingAnAppSignsTheUserOutOfThatAppOnly()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var (revoked, kept) = (await Seed.ClientAsync(factory, "--display-name", "Billing"), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var revokedTokens = await Journeys.SignInForTokensAsync(browser, revoked, user);
        var keptRequest = kept.NewAuthorizationRequest();
        var keptCode = (await Journeys.AuthorizeAsync(browser, keptRequest)).Code!;
        var keptTokens = (await kept.RedeemCodeAsync(keptCode, keptRequest.Pkce.Verifier)).EnsureSuccess();

        var page = await console.OpenAsync(StaffRoutes.Member(userId));
        var row = page.Document.QuerySelector($"[data-app='{revoked.ClientId}']")!;
        Assert.Contains("Billing", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 active", row.TextContent, StringComparison.Ordinal);
        var confirm = await console.OpenAsync(row.QuerySelector("[data-action='revoke-app']")!.GetAttribute("href")!);
        var member = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-revoke-app']"), StaffRoutes.Member(userId));

        Assert.Null(member.Document.QuerySelector($"[data-app='{revoked.ClientId}']"));
        Assert.NotNull(member.Document.QuerySelector($"[data-app='{kept.ClientId}']"));
        Assert.Equal("invalid_grant", (await revoked.RefreshAsync(revokedTokens.RefreshToken!)).Error);
        Assert.True((await kept.RefreshAsync(keptTokens.RefreshToken!)).IsSuccess);
        Assert.True(await StaffConsole.IsSignedInAsync(browser));
        var audited = await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminAuthorizationRevoked);
        Assert.Equal(revoked.ClientId, audited.ClientId);
    }

    [Fact]
    public async Task TheStaffPageShowsRecentEventsAndLinksToTheAuditTrail()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user);

        var page = await console.OpenAsync(StaffRoutes.Member(userId));

        Assert.NotNull(page.Document.QuerySelector($"[data-event='{SecurityEventKinds.SignIn}']"));
        Assert.Equal(StaffRoutes.AuditOf(userId), page.Document.QuerySelector("[data-action='audit']")!.GetAttribute("href"));
    }
}
