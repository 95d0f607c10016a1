using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Finds staff accounts for the console's list: search by name or email, one filter, a page at a time.</summary>
public sealed class StaffDirectory(IdpDbContext db, TimeProvider time)
{
    public const int PageSize = 25;
    public const int MaxSearchLength = 100;

    public async Task<StaffListing> SearchAsync(string? search, string? filter, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var administrators = db.UserRoles
            .Where(link => db.Roles.Any(role => role.Id == link.RoleId && role.Name == IdentityHosting.AdminRole))
            .Select(link => link.UserId);

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Identity keeps an upper-cased copy of the email for lookups; names are upper-cased in the query, as
            // PostgreSQL's LIKE (unlike SQLite's) respects case.
            var term = search.Trim();
            var pattern = "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            var normalized = term.ToUpperInvariant();
            var upperPattern = pattern.ToUpperInvariant();
#pragma warning disable CA1304, CA1311 // EF Core translates ToUpper() to SQL upper(); it never runs as .NET code
            query = query.Where(u => u.NormalizedEmail!.Contains(normalized)
                || (u.DisplayName != null && EF.Functions.Like(u.DisplayName.ToUpper(), upperPattern, @"\")));
#pragma warning restore CA1304, CA1311
        }

        query = filter switch
        {
            StaffFilters.Locked => query.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            StaffFilters.WithoutTwoFactor => query.Where(u => u.AuthenticatorSecret == null),
            StaffFilters.Administrators => query.Where(u => administrators.Contains(u.Id)),
            StaffFilters.Invited => query.Where(u => u.PasswordHash == null),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderBy(u => u.DisplayName ?? u.Email)
            .ThenBy(u => u.NormalizedEmail)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new StaffListing.Row(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                u.AuthenticatorSecret != null,
                u.LockoutEnd != null && u.LockoutEnd > now,
                administrators.Contains(u.Id),
                u.CreatedAt,
                db.SecurityEvents
                    .Where(e => e.UserId == u.Id && e.Kind == SecurityEventKinds.SignIn && e.Outcome == SecurityEventOutcomes.Succeeded)
                    .OrderByDescending(e => e.Id)
                    .Select(e => (DateTimeOffset?)e.OccurredAt)
                    .FirstOrDefault(),
                u.PasswordHash == null))
            .ToListAsync(cancellationToken);
        return new StaffListing(rows, total, page, pageCount);
    }
}
