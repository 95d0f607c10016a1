using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Audit;

/// <summary>The accounts an audit listing names, by id: the staff member an event is about and the administrator who acted.</summary>
public sealed class AuditPeople(IReadOnlyDictionary<string, string?> emailsById)
{
    /// <summary>The actor id of changes made with the admin command line.</summary>
    public const string CommandLineActor = SecurityEvents.SecurityEventActors.CommandLine;

    public static async Task<AuditPeople> LoadAsync(IdpDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.OfType<string>().Where(id => id != CommandLineActor).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return new AuditPeople(found);
    }

    /// <summary>Every account, for an export that may name any of them.</summary>
    public static async Task<AuditPeople> LoadEveryoneAsync(IdpDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return new AuditPeople(all);
    }

    /// <summary>True when the account still exists (so the console can link to it).</summary>
    public bool Exists(string? userId) => userId is not null && emailsById.ContainsKey(userId);

    public string? EmailOf(string? userId) => userId is not null ? emailsById.GetValueOrDefault(userId) : null;

    /// <summary>Who made an administrative change, in words: their email, "command line", or a deleted account.</summary>
    public string Actor(string? actorId) => actorId switch
    {
        null => "",
        CommandLineActor => "command line",
        _ => EmailOf(actorId) ?? $"deleted account {actorId}",
    };
}
