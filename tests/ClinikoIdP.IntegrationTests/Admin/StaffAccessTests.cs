using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The administrator role and the account lock, from a staff member's page.</summary>
public class StaffAccessTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task GrantingAndRevokingTheAdministratorRoleIsAudited()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);

        var granted = await console.SubmitAndFollowAsync(
            (await console.OpenAsync(StaffRoutes.Member(userId))).FormWith("[data-action='grant-admin']"), StaffRoutes.Member(userId));
        Assert.NotNull(granted.Document.QuerySelector("[data-badge='admin']"));
        Assert.Contains("is now an administrator", AdminConsole.Flash(granted), StringComparison.Ordinal);
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminRoleGranted);

        var revoked = await console.SubmitAndFollowAsync(granted.FormWith("[data-action='revoke-admin']"), StaffRoutes.Member(userId));
        Assert.Null(revoked.Document.QuerySelector("[data-badge='admin']"));
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminRoleRevoked);
        Assert.False(await IsAdministratorAsync(userId));
    }

    [Fact]
    public async Task AnAdministratorCanNeitherDemoteNorLockThemselves()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await AdminConsole.SignInAsync(factory); // another administrator exists: only the self rule applies
        var adminId = await StaffConsole.UserIdAsync(factory, console.Admin.User.Email);
        var own = await console.OpenAsync(StaffRoutes.Member(adminId));
        Assert.Null(own.Document.QuerySelector("[data-action='revoke-admin']"));
        Assert.Null(own.Document.QuerySelector("[data-action='lock']"));

        var demote = await StaffConsole.PostWithTokenAsync(console, own, StaffRoutes.Member(adminId) + "?handler=RevokeAdmin");
        var demoteRefusal = await PageDocument.ReadAsync(demote, StaffRoutes.Member(adminId));
        var lockAttempt = await StaffConsole.PostWithTokenAsync(console, own, StaffRoutes.Lock(adminId));
        var lockRefusal = await PageDocument.ReadAsync(lockAttempt, StaffRoutes.Lock(adminId));

        Assert.Contains("can't remove your own administrator role", demoteRefusal.FieldError(StaffDetailsModel.AccessErrorKey), StringComparison.Ordinal);
        Assert.Contains("can't lock your own account", lockRefusal.FieldError(LockStaffModel.ErrorKey), StringComparison.Ordinal);
        Assert.True(await IsAdministratorAsync(adminId));
        Assert.Null((await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == adminId))).LockoutEnd);
        Assert.Equal(0, await StaffConsole.EventCountAsync(factory, adminId, SecurityEventKinds.AdminRoleRevoked));
        Assert.Equal(0, await StaffConsole.EventCountAsync(factory, adminId, SecurityEventKinds.AdminUserLocked));
    }

    [Fact]
    public async Task LockingEndsSessionsRefusesRefreshTokensAndSignInUntilUnlocked()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);

        var confirm = await console.OpenAsync(StaffRoutes.Lock(userId));
        Assert.Contains("until an administrator unlocks", confirm.Document.QuerySelector("[data-confirm='lock']")!.TextContent, StringComparison.Ordinal);
        var locked = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-lock']"), StaffRoutes.Member(userId));

        Assert.NotNull(locked.Document.QuerySelector("[data-badge='locked']"));
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminUserLocked);
        Assert.False(await StaffConsole.IsSignedInAsync(browser));
        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
        Assert.All(await factory.QueryAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync()),
            session => Assert.Equal(SessionEndReasons.Locked, session.EndReason));
        using var fresh = factory.NewBrowser();
        Assert.NotEqual("", (await (await SignInPage.OpenAsync(fresh)).SubmitExpectingFailureAsync(user.Email, user.Password)).ErrorSummary);

        var unlocked = await console.SubmitAndFollowAsync(locked.FormWith("[data-action='unlock']"), StaffRoutes.Member(userId));
        Assert.Null(unlocked.Document.QuerySelector("[data-badge='locked']"));
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminUserUnlocked);
        using var again = await StaffConsole.SignedInBrowserAsync(factory, user);
        Assert.True(await StaffConsole.IsSignedInAsync(again));
    }

    [Fact]
    public async Task TheCommandLineLockAlsoEndsServerSessions()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user);
        Assert.True(await StaffConsole.IsSignedInAsync(browser));

        await factory.AdminOkAsync("user", "lock", "--email", user.Email);

        Assert.False(await StaffConsole.IsSignedInAsync(browser));
    }

    private Task<bool> IsAdministratorAsync(string userId) =>
        factory.QueryAsync(db => db.UserRoles.AnyAsync(link => link.UserId == userId && db.Roles.Any(r => r.Id == link.RoleId && r.Name == "Admin")));
}
