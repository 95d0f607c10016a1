using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Invitations;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>
/// One staff member: their details (editable), administrator role, lock, two-step verification, live sessions,
/// the apps they are signed in to, and their latest security events. Destructive actions open a confirmation page.
/// </summary>
public sealed class StaffDetailsModel(
    UserAdministration administration,
    UserManager<ClinicUser> users,
    SessionRegistry sessions,
    AuthorizedApps apps,
    IdpDbContext db,
    AdminAudit audit,
    StaffInvitations invitations,
    InvitationLookup invitationLookup,
    RememberedComputerList rememberedComputers) : StaffMemberPageModel(administration, users)
{
    public const int RecentEventCount = 20;

    /// <summary>Where the role and lock refusals are shown (beside the buttons that asked).</summary>
    public const string AccessErrorKey = "Access";

    /// <summary>Where a refused resend is shown (beside the invitation's buttons).</summary>
    public const string InvitationErrorKey = "Invitation";

    [BindProperty]
    public StaffProfileInput Input { get; set; } = new();

    public IReadOnlyList<UserSessionRecord> Sessions { get; private set; } = [];

    public IReadOnlyList<AuthorizedApp> Apps { get; private set; } = [];

    public IReadOnlyList<SecurityEventRecord> RecentEvents { get; private set; } = [];

    /// <summary>The email of each administrator named in <see cref="RecentEvents"/>.</summary>
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();

    public int BackupCodesLeft { get; private set; }

    /// <summary>Browsers where this person skips the second factor.</summary>
    public int RememberedComputers { get; private set; }

    /// <summary>The invitation of an account whose owner has not accepted it yet; null for an active account.</summary>
    public InvitationState? Invitation { get; private set; }

    public bool EmailConfigured => invitations.IsEmailConfigured;

    public string? CurrentSessionId => User.GetSessionId();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new StaffProfileInput { DisplayName = Member.DisplayName ?? "", Email = Member.Email ?? "" };
        await LoadDetailsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (ModelState.IsValid && await Administration.IsEmailTakenAsync(Input.Email, Member.Id))
        {
            ModelState.AddModelError("Input.Email", "Another account already uses this email address.");
        }

        if (ModelState.IsValid)
        {
            var changes = Changes(Member, Input);
            if (changes.Count == 0)
            {
                AdminFlash.Set(TempData, "Nothing to save: the details are unchanged.");
                return new SeeOtherResult(StaffRoutes.Member(Member.Id));
            }

            try
            {
                var oldEmail = Member.Email;
                await Administration.UpdateProfileAsync(Member, Input.Email, Input.DisplayName);
                await audit.WriteAsync(SecurityEventKinds.AdminUserUpdated, Member, string.Join("; ", changes));
                AdminFlash.Set(TempData, $"Saved {MemberName}'s details.");
                if (!string.Equals(oldEmail, Member.Email, StringComparison.Ordinal) && StaffInvitations.IsPending(Member))
                {
                    AdminFlash.Set(TempData, await invitations.AddressChangedAsync(Member, Inviter.For(await ActorAsync()), cancellationToken)
                        ? $"Saved {MemberName}'s details. A new invitation is on its way to {Member.Email}; the link sent to {oldEmail} no longer works."
                        : $"Saved {MemberName}'s details. The invitation sent to {oldEmail} no longer works; send a new one once email is set up.");
                }

                return new SeeOtherResult(StaffRoutes.Member(Member.Id));
            }
            catch (OperationRefusedException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }

        await LoadDetailsAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostGrantAdminAsync(CancellationToken cancellationToken) => ChangeAccessAsync(async () =>
        await Administration.GrantAdministratorAsync(Member)
            ? new AccessChange(SecurityEventKinds.AdminRoleGranted, AdminRole, $"{MemberName} is now an administrator.")
            : null, cancellationToken);

    public Task<IActionResult> OnPostRevokeAdminAsync(CancellationToken cancellationToken) => ChangeAccessAsync(async () =>
        await Administration.RevokeAdministratorAsync(Member, ActorId)
            ? new AccessChange(SecurityEventKinds.AdminRoleRevoked, AdminRole, $"{MemberName} is no longer an administrator.")
            : null, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) => ChangeAccessAsync(async () =>
    {
        if (!IsLocked && Member.AccessFailedCount == 0)
        {
            return null;
        }

        await Administration.UnlockAsync(Member);
        return new AccessChange(SecurityEventKinds.AdminUserUnlocked, null, $"{MemberName} can sign in again.");
    }, cancellationToken);

    public async Task<IActionResult> OnPostResendInvitationAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ModelState.Clear();
        try
        {
            var result = await invitations.ResendAsync(Member, Inviter.For(await ActorAsync()), cancellationToken);
            AdminFlash.Set(TempData,
                $"A new invitation is on its way to {Member.Email}, working until {InvitationEmail.When(result.ExpiresAt)}. The earlier link no longer works.");
            return new SeeOtherResult(StaffRoutes.Member(Member.Id));
        }
        catch (OperationRefusedException refused)
        {
            ModelState.AddModelError(InvitationErrorKey, refused.Message);
            Input = new StaffProfileInput { DisplayName = Member.DisplayName ?? "", Email = Member.Email ?? "" };
            await LoadDetailsAsync(cancellationToken);
            return Page();
        }
    }

    private const string AdminRole = Hosting.IdentityHosting.AdminRole;

    /// <summary>
    /// Runs a role or lock change: a refusal (last administrator, one's own account) is shown beside the buttons with
    /// nothing changed; a change is audited; asking for what is already so changes nothing and says so.
    /// </summary>
    private async Task<IActionResult> ChangeAccessAsync(Func<Task<AccessChange?>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // Only the role or lock form was posted: the profile form's fields are not part of this request.
        ModelState.Clear();
        try
        {
            var made = await change();
            if (made is not null)
            {
                await audit.WriteAsync(made.Kind, Member, made.Detail);
            }

            AdminFlash.Set(TempData, made?.Message ?? "Nothing changed: that was already the case.");
            return new SeeOtherResult(StaffRoutes.Member(Member.Id));
        }
        catch (OperationRefusedException refused)
        {
            ModelState.AddModelError(AccessErrorKey, refused.Message);
            Input = new StaffProfileInput { DisplayName = Member.DisplayName ?? "", Email = Member.Email ?? "" };
            await LoadDetailsAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadDetailsAsync(CancellationToken cancellationToken)
    {
        Sessions = await sessions.ListLiveAsync(Member.Id, cancellationToken);
        Apps = await apps.ListAsync(Member.Id, cancellationToken);
        BackupCodesLeft = await db.BackupCodes.CountAsync(c => c.UserId == Member.Id && c.UsedAt == null, cancellationToken);
        Invitation = await invitationLookup.FindAsync(Member, cancellationToken);
        RememberedComputers = await rememberedComputers.CountLiveAsync(Member.Id, cancellationToken);
        RecentEvents = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == Member.Id)
            .OrderByDescending(e => e.Id)
            .Take(RecentEventCount)
            .ToListAsync(cancellationToken);
        var actorIds = RecentEvents.Select(e => e.ActorId).OfType<string>().Distinct().ToList();
        Actors = await db.Users.AsNoTracking()
            .Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);
    }

    private static List<string> Changes(ClinicUser member, StaffProfileInput input)
    {
        var changes = new List<string>();
        if (!string.Equals(member.DisplayName ?? "", input.DisplayName.Trim(), StringComparison.Ordinal))
        {
            changes.Add($"name '{member.DisplayName}' → '{input.DisplayName.Trim()}'");
        }

        if (!string.Equals(member.Email ?? "", input.Email.Trim(), StringComparison.Ordinal))
        {
            changes.Add($"email '{member.Email}' → '{input.Email.Trim()}'");
        }

        return changes;
    }

    private sealed record AccessChange(string Kind, string? Detail, string Message);
}
