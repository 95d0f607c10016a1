using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Users;

/// <summary>Creates and manages staff accounts for the command line and the admin console.</summary>
public sealed class UserAdministration(
    UserManager<ClinicUser> users,
    RoleManager<IdentityRole> roles,
    SessionAuthorizations authorizations,
    TimeProvider time)
{
    public async Task<ClinicUser> CreateAsync(string email, string password, string? displayName, bool admin, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (email.Length is 0 or > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new OperationRefusedException($"'{email}' is not a valid email address.");
        }

        if (displayName is { Length: > ClinicUser.MaxDisplayNameLength })
        {
            throw new OperationRefusedException($"The name must be at most {ClinicUser.MaxDisplayNameLength} characters.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new OperationRefusedException($"A user with email '{email}' already exists.");
        }

        var user = new ClinicUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        Ensure(await users.CreateAsync(user, password));
        if (admin)
        {
            if (!await roles.RoleExistsAsync(IdentityHosting.AdminRole))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(IdentityHosting.AdminRole)));
            }

            Ensure(await users.AddToRoleAsync(user, IdentityHosting.AdminRole));
        }

        return user;
    }

    public async Task<IReadOnlyList<(ClinicUser User, bool IsAdmin)>> ListAsync(CancellationToken cancellationToken)
    {
        var admins = (await users.GetUsersInRoleAsync(IdentityHosting.AdminRole)).Select(u => u.Id).ToHashSet();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. all.Select(u => (u, admins.Contains(u.Id)))];
    }

    /// <summary>Locks the account indefinitely and ends its sessions and tokens.</summary>
    public async Task LockAsync(string email, CancellationToken cancellationToken)
    {
        var user = await FindAsync(email);
        Ensure(await users.SetLockoutEnabledAsync(user, true));
        Ensure(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Ensure(await users.UpdateSecurityStampAsync(user));
        await authorizations.RevokeAllForSubjectAsync(user.Id, cancellationToken);
    }

    public async Task UnlockAsync(string email)
    {
        var user = await FindAsync(email);
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
    }

    public async Task<ClinicUser> FindAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new OperationRefusedException($"No user with email '{email}'.");

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new OperationRefusedException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
