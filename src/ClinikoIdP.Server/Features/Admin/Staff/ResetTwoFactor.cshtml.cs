using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>
/// "I lost my phone": confirms, then runs exactly what <c>admin user reset-2fa</c> runs (<see cref="TwoFactorReset"/>),
/// which also writes the audit event naming this administrator.
/// </summary>
public sealed class ResetStaffTwoFactorModel(
    UserAdministration administration,
    UserManager<ClinicUser> users,
    TwoFactorReset reset,
    SessionRegistry sessions,
    IdpDbContext db) : StaffMemberPageModel(administration, users)
{
    public int ActiveSessions { get; private set; }

    public int BackupCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ActiveSessions = (await sessions.ListLiveAsync(Member.Id, cancellationToken)).Count;
        BackupCodesLeft = await db.BackupCodes.CountAsync(c => c.UserId == Member.Id && c.UsedAt == null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await reset.ResetAsync(Member, ActorId, cancellationToken);
        AdminFlash.Set(TempData,
            $"Two-step verification is reset for {MemberName}: they are signed out everywhere and set up an authenticator again at their next sign-in.");
        return new SeeOtherResult(StaffRoutes.Member(Member.Id));
    }
}
