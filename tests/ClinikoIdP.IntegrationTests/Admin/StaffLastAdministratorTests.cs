using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The clinic always keeps an administrator who can sign in: the last one is neither demoted nor locked.</summary>
public class StaffLastAdministratorTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task TheLastAdministratorCanBeNeitherDemotedNorLockedInTheConsole()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await StaffConsole.LeaveOnlyAdministratorAsync(factory, console.Admin.User.Email);
        var adminId = await StaffConsole.UserIdAsync(factory, console.Admin.User.Email);
        var own = await console.OpenAsync(StaffRoutes.Member(adminId));

        var demote = await PageDocument.ReadAsync(
            await StaffConsole.PostWithTokenAsync(console, own, StaffRoutes.Member(adminId) + "?handler=RevokeAdmin"), StaffRoutes.Member(adminId));
        var lockAttempt = await PageDocument.ReadAsync(
            await StaffConsole.PostWithTokenAsync(console, own, StaffRoutes.Lock(adminId)), StaffRoutes.Lock(adminId));

        Assert.Contains("only administrator who can sign in", demote.FieldError(StaffDetailsModel.AccessErrorKey), StringComparison.Ordinal);
        Assert.Contains("only administrator who can sign in", lockAttempt.FieldError(LockStaffModel.ErrorKey), StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == adminId));
        Assert.Null(stored.LockoutEnd);
        Assert.True(await factory.QueryAsync(db => db.UserRoles.AnyAsync(link => link.UserId == adminId)));
        Assert.Equal(0, await StaffConsole.EventCountAsync(factory, adminId, SecurityEventKinds.AdminRoleRevoked));
        await console.OpenAsync(StaffRoutes.List);
    }

    [Fact]
    public async Task TheCommandLineRefusesToLockTheLastAdministrator()
    {
        var email = Seed.UniqueId("last-admin") + "@clinic.test";
        await factory.AdminOkAsync("user", "create", "--email", email, "--password", "lonely harbour night watch", "--admin");
        await StaffConsole.LeaveOnlyAdministratorAsync(factory, email);

        var result = await factory.AdminAsync("user", "lock", "--email", email);

        CliAssert.Failed(result, 1, "only administrator");
        Assert.Null((await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email))).LockoutEnd);
    }
}
