using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>
/// Invites staff by email, for the admin console and the command line alike. An invited account has no password: it
/// gets one only through its single-use link. The account, its role, its link and its email are committed together,
/// so there is never an account without its invitation, nor an invitation for an account that does not exist. The
/// audit trail records the same events whichever way the invitation came, naming the administrator (none from the
/// command line).
/// </summary>
public sealed class StaffInvitations(
    IdpDbContext db,
    UserManager<ClinicUser> users,
    UserAdministration administration,
    AccountLinkStore links,
    AccountLinkUrls urls,
    EmailOutbox outbox,
    SecurityEventWriter events,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<StaffInvitations> logger)
{
    public const string EmailNotConfigured =
        "Email is not configured on this server (set Email:Smtp:Host and Email:From), so no invitation can be sent. Add the person with an initial password instead.";

    public bool IsEmailConfigured => outbox.IsConfigured;

    /// <summary>The account is waiting for its owner to accept an invitation: it has no password yet.</summary>
    public static bool IsPending(ClinicUser user) => user.PasswordHash is null;

    /// <summary>
    /// Creates an account without a password (an administrator if asked) and emails it an invitation. An address whose
    /// account is still waiting gets a new invitation instead (its name and role unchanged, the earlier link revoked);
    /// an address that belongs to an active account is refused.
    /// </summary>
    public async Task<InvitationResult> InviteAsync(
        string email, string? displayName, bool administrator, Inviter inviter, CancellationToken cancellationToken)
    {
        EnsureCanSend();
        email = InviteeDetails.ValidEmail(email);
        InviteeDetails.CheckDisplayName(displayName);
        ClinicUser user;
        bool resent;
        DateTimeOffset expiresAt;

        // On SQLite the transaction takes the write lock at once: two invitations of one address can't both create it.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var existing = await users.FindByEmailAsync(email);
                if (existing is not null && !IsPending(existing))
                {
                    throw new OperationRefusedException(
                        $"{email} already belongs to an active account: that person signs in with their own password, so there is nothing to invite.");
                }

                resent = existing is not null;
                user = existing ?? await CreateAccountAsync(email, displayName, administrator);
                expiresAt = await StageAsync(user, inviter, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                // Nothing was committed: what the context still tracks from this attempt must not reach a later save.
                db.ChangeTracker.Clear();
                throw;
            }
        }

        if (!resent)
        {
            await events.WriteAsync(SecurityEventKinds.AdminUserCreated, SecurityEventOutcomes.Succeeded, user,
                $"invited {user.Email} by email", actorId: inviter.Id);
            if (administrator)
            {
                await events.WriteAsync(SecurityEventKinds.AdminRoleGranted, SecurityEventOutcomes.Succeeded, user,
                    IdentityHosting.AdminRole, actorId: inviter.Id);
            }
        }

        await SentAsync(user, inviter, resent);
        return new InvitationResult(user, resent, expiresAt);
    }

    /// <summary>Sends a waiting account a new invitation; the earlier link stops working.</summary>
    public async Task<InvitationResult> ResendAsync(ClinicUser user, Inviter inviter, CancellationToken cancellationToken)
    {
        EnsureCanSend();
        EnsurePending(user);
        var expiresAt = await StageAsync(user, inviter, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SentAsync(user, inviter, resent: true);
        return new InvitationResult(user, Resent: true, expiresAt);
    }

    /// <summary>
    /// The address of a waiting account was corrected: the link sent to the old address must stop working (it may have
    /// reached a stranger), and the person gets a new one at the new address when email allows. True when one was sent.
    /// </summary>
    public async Task<bool> AddressChangedAsync(ClinicUser user, Inviter inviter, CancellationToken cancellationToken)
    {
        if (!IsPending(user))
        {
            return false;
        }

        if (IsEmailConfigured && urls.BaseAddress is not null)
        {
            await ResendAsync(user, inviter, cancellationToken);
            return true;
        }

        await links.RevokeAllAsync(user.Id, AccountLinkPurposes.Invitation, cancellationToken);
        return false;
    }

    /// <summary>Withdraws an invitation nobody accepted: the account, its links and its queued email are deleted.</summary>
    public async Task CancelAsync(ClinicUser user)
    {
        if (!IsPending(user) || user.HasAuthenticator)
        {
            throw new OperationRefusedException(
                $"{user.Email} has already accepted the invitation, so it can't be cancelled. Lock the account instead.");
        }

        // The concurrency stamp guards the race with acceptance: a password set meanwhile makes the delete fail.
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new OperationRefusedException(
                $"{user.Email}'s account changed a moment ago (the invitation may just have been accepted). Open their page again.");
        }

        Log.InvitationCancelled(logger, user.Id);
    }

    private void EnsureCanSend()
    {
        if (!IsEmailConfigured)
        {
            throw new OperationRefusedException(EmailNotConfigured);
        }

        if (urls.BaseAddress is null)
        {
            throw new OperationRefusedException(AccountLinkUrls.MissingIssuer);
        }
    }

    private static void EnsurePending(ClinicUser user)
    {
        if (!IsPending(user))
        {
            throw new OperationRefusedException($"{user.Email} has already accepted the invitation: they sign in with their own password.");
        }
    }

    private async Task<ClinicUser> CreateAccountAsync(string email, string? displayName, bool administrator)
    {
        var user = new ClinicUser
        {
            UserName = email,
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        Ensure(await users.CreateAsync(user));
        if (administrator)
        {
            await administration.GrantAdministratorAsync(user);
        }

        return user;
    }

    /// <summary>Adds a new link (revoking earlier ones) and its email to the unit of work; returns when the link expires.</summary>
    private async Task<DateTimeOffset> StageAsync(ClinicUser user, Inviter inviter, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.InvitationLinkLifetime;
        await outbox.WithdrawUnsentAsync(EmailKinds.Invitation, user.Id, cancellationToken);
        var token = await links.StageAsync(user, AccountLinkPurposes.Invitation, lifetime, inviter.Id, cancellationToken);
        var url = urls.For(InvitationRoutes.Accept, token) ?? throw new OperationRefusedException(AccountLinkUrls.MissingIssuer);
        var hash = AccountLinkStore.Hash(token);
        var expiresAt = db.AccountLinks.Local.Single(l => l.TokenHash == hash).ExpiresAt;
        if (!outbox.Stage(EmailKinds.Invitation, user, user.Email!, InvitationEmail.Compose(outbox.Brand, user, inviter, url, expiresAt, lifetime)))
        {
            throw new OperationRefusedException(EmailNotConfigured);
        }

        return expiresAt;
    }

    private async Task SentAsync(ClinicUser user, Inviter inviter, bool resent)
    {
        outbox.Wake();
        await events.WriteAsync(SecurityEventKinds.InvitationSent, SecurityEventOutcomes.Succeeded, user,
            resent ? "new invitation; the earlier link no longer works" : "invited by email", actorId: inviter.Id);
        Log.InvitationSent(logger, user.Id, resent);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new OperationRefusedException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
