using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>Reads the server's database for facts no page shows: the security events table and the stored account.</summary>
public static class AuditTrail
{
    /// <summary>A user's security events, oldest first.</summary>
    public static Task<List<SecurityEventRecord>> EventsOfAsync(IdpFactory factory, TestUser user) =>
        factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().Where(e => e.Email == user.Email).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The stored account as it is now (its encrypted secrets included).</summary>
    public static Task<ClinicUser> AccountOfAsync(IdpFactory factory, TestUser user) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == user.Email));

    public static Task<int> UnusedBackupCodesOfAsync(IdpFactory factory, TestUser user) =>
        factory.QueryAsync(db => db.BackupCodes.CountAsync(c => c.UsedAt == null && db.Users.Any(u => u.Id == c.UserId && u.Email == user.Email)));
}
