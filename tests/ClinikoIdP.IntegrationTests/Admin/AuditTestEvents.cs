using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Writes and reads audit events the way the server does (its own writer, its own verifier), for the audit tests.</summary>
public static class AuditTestEvents
{
    /// <summary>Writes one event through the server's <see cref="SecurityEventWriter"/>, in a scope of its own as a request would.</summary>
    public static async Task WriteAsync(
        IdpFactory factory, string kind, string outcome = SecurityEventOutcomes.Succeeded, string? email = null,
        string? detail = null, string? actorId = null, string? clientId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = email is null ? null : await scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>().FindByEmailAsync(email);
        await scope.ServiceProvider.GetRequiredService<SecurityEventWriter>()
            .WriteAsync(kind, outcome, user, detail, actorId, clientId, email: user is null ? email : null);
    }

    /// <summary>Writes events whose details start with <paramref name="marker"/> and returns them in chain order.</summary>
    public static async Task<List<SecurityEventRecord>> WriteSeveralAsync(IdpFactory factory, string marker, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await WriteAsync(factory, SecurityEventKinds.SignIn, detail: $"{marker} {i}");
        }

        return await MarkedAsync(factory, marker);
    }

    public static Task<List<SecurityEventRecord>> MarkedAsync(IdpFactory factory, string marker) =>
        factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Detail != null && e.Detail.StartsWith(marker)).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<AuditChainReport> VerifyAsync(IdpFactory factory, string? expectedHead = null) =>
        factory.QueryAsync(db => AuditChainVerifier.VerifyAsync(db, expectedHead));

    public static Task<string> UserIdOfAsync(IdpFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Runs raw SQL against the database, as someone with access to the file would.</summary>
    public static Task<int> TamperAsync(IdpFactory factory, string sql, params object[] parameters) =>
        factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql, parameters));
}
