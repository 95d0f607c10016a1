using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Confirms, then locks an account until it is unlocked: the same as <c>admin user lock</c>.</summary>
public sealed class LockStaffModel(
    UserAdministration administration, UserManager<ClinicUser> users, SessionRegistry sessions, AdminAudit audit)
    : StaffMemberPageModel(administration, users)
{
    public const string ErrorKey = "Lock";

    public int ActiveSessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ActiveSessions = (await sessions.ListLiveAsync(Member.Id, cancellationToken)).Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        try
        {
            await Administration.LockAsync(Member, ActorId, cancellationToken);
        }
        catch (OperationRefusedException refused)
        {
            ModelState.AddModelError(ErrorKey, refused.Message);
            ActiveSessions = (await sessions.ListLiveAsync(Member.Id, cancellationToken)).Count;
            return Page();
        }

        await audit.WriteAsync(SecurityEventKinds.AdminUserLocked, Member, "locked until unlocked; sessions ended, tokens revoked");
        AdminFlash.Set(TempData, $"{MemberName} is locked out: they are signed out everywhere and can't sign in until you unlock them.");
        return new SeeOtherResult(StaffRoutes.Member(Member.Id));
    }
}
