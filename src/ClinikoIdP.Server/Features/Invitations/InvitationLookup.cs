using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>What the console shows about a waiting account's invitation: its latest link and what became of its email.</summary>
public sealed class InvitationLookup(IdpDbContext db, TimeProvider time)
{
    /// <summary>The invitation of a waiting account, or null when the account is active.</summary>
    public async Task<InvitationState?> FindAsync(ClinicUser user, CancellationToken cancellationToken)
    {
        if (!StaffInvitations.IsPending(user))
        {
            return null;
        }

        var link = await db.AccountLinks.AsNoTracking()
            .Where(l => l.UserId == user.Id && l.Purpose == AccountLinkPurposes.Invitation)
            .OrderByDescending(l => l.Id).FirstOrDefaultAsync(cancellationToken);
        var email = await db.OutboxEmails.AsNoTracking()
            .Where(m => m.UserId == user.Id && m.Kind == EmailKinds.Invitation)
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        var delivery = email switch
        {
            null => InvitationDelivery.Unknown,
            { SentAt: not null } => InvitationDelivery.Sent,
            { AbandonedAt: not null } => InvitationDelivery.Abandoned,
            _ => InvitationDelivery.Queued,
        };
        var expired = link is not null && link.ExpiresAt <= time.GetUtcNow();
        var live = link is { UsedAt: null, RevokedAt: null } && !expired;
        return new InvitationState(link?.CreatedAt, link?.ExpiresAt, live, expired, delivery);
    }
}
