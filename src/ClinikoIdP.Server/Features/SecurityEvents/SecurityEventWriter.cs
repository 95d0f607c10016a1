using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// Appends to the audit trail, with the request's IP address and user agent when there is a request. Each event is
/// written on its own short-lived context and committed at once: it never saves (or waits for) the caller's unsaved
/// changes, and an event is recorded even when the caller's own work later fails. Once committed, the event goes
/// to every <see cref="ISecurityEventObserver"/> (security notifications by email).
/// </summary>
public sealed class SecurityEventWriter(
    IDbContextFactory<IdpDbContext> databases,
    IHttpContextAccessor httpContextAccessor,
    IEnumerable<ISecurityEventObserver> observers,
    TimeProvider time,
    ILogger<SecurityEventWriter> logger)
{
    public async Task WriteAsync(
        string kind, string outcome, ClinicUser? user, string? detail = null, string? actorId = null, string? clientId = null,
        string? email = null)
    {
        var request = httpContextAccessor.HttpContext;
        var userAgent = request?.Request.Headers.UserAgent.ToString();
        var record = new SecurityEventRecord
        {
            OccurredAt = AuditEventHash.NormalizeTime(time.GetUtcNow()),
            Kind = kind,
            Outcome = outcome,
            UserId = user?.Id,
            Email = Truncate(user?.Email ?? email, 256),
            ActorId = Truncate(actorId, 450),
            ClientId = Truncate(clientId, 100),
            IpAddress = Truncate(request?.Connection.RemoteIpAddress?.ToString(), 64),
            UserAgent = Truncate(userAgent, 512),
            Detail = Truncate(detail, 1024),
        };

        // Not the request's token: a sign-in that the browser abandons must still leave its event behind.
        await AuditChainAppender.AppendAsync(databases, record, logger, CancellationToken.None);
        foreach (var observer in observers)
        {
            await observer.OnWrittenAsync(record, user);
        }
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
