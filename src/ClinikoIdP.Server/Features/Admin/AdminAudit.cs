using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Admin;

/// <summary>Writes an administrative action to the audit trail, naming the administrator who made it.</summary>
public sealed class AdminAudit(SecurityEventWriter events, UserManager<ClinicUser> users, IHttpContextAccessor httpContextAccessor)
{
    /// <param name="subject">The staff member the action was about, if any.</param>
    /// <param name="detail">What changed, in words an auditor reads (never a secret).</param>
    public Task WriteAsync(string kind, ClinicUser? subject = null, string? detail = null, string? clientId = null,
        string outcome = SecurityEventOutcomes.Succeeded)
    {
        var principal = httpContextAccessor.HttpContext?.User
            ?? throw new InvalidOperationException("An administrative action happens during a request.");
        var actorId = users.GetUserId(principal)
            ?? throw new InvalidOperationException("An administrative action needs a signed-in administrator.");
        return events.WriteAsync(kind, outcome, subject, detail, actorId, clientId);
    }
}
