using ClinikoIdP.Server.Data;

namespace ClinikoIdP.Server.Features.Users;

/// <summary>
/// Tells an administrator's lock (<see cref="UserAdministration.LockAsync(ClinicUser, string?, CancellationToken)"/>:
/// locked until the end of time) from the few minutes' lockout after failed attempts. A reset may lift the second, never
/// the first: the administrator locked the person, not their password. A lockout notice is sent for the second only.
/// </summary>
public static class AdministratorLock
{
    // The database keeps the lock's end to the millisecond, so it comes back a little short of MaxValue.
    private static readonly DateTimeOffset Threshold = DateTimeOffset.MaxValue.AddYears(-1);

    public static bool Holds(ClinicUser user) => user.LockoutEnd is { } end && end >= Threshold;
}
