using ClinikoIdP.Server.Data;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>Appends to the audit trail, with the request's IP address and user agent when there is a request.</summary>
public sealed class SecurityEventWriter(IdpDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider time)
{
    public async Task WriteAsync(
        string kind, string outcome, ClinicUser? user, string? detail = null, string? actorId = null, string? clientId = null,
        string? email = null)
    {
        var request = httpContextAccessor.HttpContext;
        var userAgent = request?.Request.Headers.UserAgent.ToString();
        db.SecurityEvents.Add(new SecurityEventRecord
        {
            OccurredAt = time.GetUtcNow(),
            Kind = kind,
            Outcome = outcome,
            UserId = user?.Id,
            Email = Truncate(user?.Email ?? email, 256),
            ActorId = actorId,
            ClientId = Truncate(clientId, 100),
            IpAddress = request?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(userAgent, 512),
            Detail = Truncate(detail, 1024),
        });
        await db.SaveChangesAsync();
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
