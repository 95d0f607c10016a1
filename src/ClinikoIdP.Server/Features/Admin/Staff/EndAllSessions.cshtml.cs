using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Confirms, then signs a staff member out everywhere (what "Sign out everywhere" does on their own page).</summary>
public sealed class EndAllStaffSessionsModel(
    UserAdministration administration, UserManager<ClinicUser> users, SessionRegistry sessions, AdminAudit audit)
    : StaffMemberPageModel(administration, users)
{
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

        var ended = (await sessions.ListLiveAsync(Member.Id, cancellationToken)).Count;
        await Administration.EndAllSessionsAsync(Member, SessionEndReasons.RevokedByAdministrator, cancellationToken);
        await audit.WriteAsync(SecurityEventKinds.AdminSessionRevoked, Member, $"all sessions ({ended} active) and app sign-ins");
        AdminFlash.Set(TempData, $"{MemberName} is signed out everywhere. They can sign in again.");
        return new SeeOtherResult(StaffRoutes.Member(Member.Id));
    }
}
