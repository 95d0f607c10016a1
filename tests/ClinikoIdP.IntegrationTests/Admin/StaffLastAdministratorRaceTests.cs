using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Users;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Two administrators removing each other at the same moment must not leave the clinic with none.</summary>
public class StaffLastAdministratorRaceTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Theory]
    [InlineData("demote")]
    [InlineData("lock")]
    public async Task OfTwoAdministratorsRemovingEachOtherAtOnceExactlyOneSucceeds(string change)
    {
        var first = await CreateAdministratorAsync();
        var second = await CreateAdministratorAsync();
        await KeepOnlyAdministratorsAsync(first, second);

        var outcomes = await Task.WhenAll(ChangeAsync(first, change), ChangeAsync(second, change));

        Assert.Single(outcomes, succeeded => succeeded);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var standing = 0;
        foreach (var admin in await users.GetUsersInRoleAsync(IdentityHosting.AdminRole))
        {
            standing += await users.IsLockedOutAsync(admin) ? 0 : 1;
        }

        Assert.Equal(1, standing);
    }

    private async Task<bool> ChangeAsync(string email, string change)
    {
        await Task.Yield();
        await using var scope = factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await administration.FindAsync(email);
        try
        {
            if (change == "lock")
            {
                await administration.LockAsync(user, actorId: null, CancellationToken.None);
            }
            else
            {
                await administration.RevokeAdministratorAsync(user, actorId: null);
            }

            return true;
        }
        catch (OperationRefusedException)
        {
            return false;
        }
    }

    private async Task<string> CreateAdministratorAsync()
    {
        var email = Seed.UniqueId("race-admin") + "@clinic.test";
        await factory.AdminOkAsync("user", "create", "--email", email, "--password", "two keys one harbour door", "--admin");
        return email;
    }

    private async Task KeepOnlyAdministratorsAsync(params string[] emails)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        foreach (var admin in await users.GetUsersInRoleAsync(IdentityHosting.AdminRole))
        {
            if (!emails.Contains(admin.Email, StringComparer.OrdinalIgnoreCase))
            {
                await users.RemoveFromRoleAsync(admin, IdentityHosting.AdminRole);
            }
        }
    }
}
