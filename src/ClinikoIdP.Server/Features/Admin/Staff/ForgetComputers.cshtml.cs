using System.Globalization;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Confirms, then forgets every computer a staff member asked to remember: each asks for the code again.</summary>
public sealed class ForgetStaffComputersModel(
    UserAdministration administration, UserManager<ClinicUser> users, RememberedComputerList computers, AdminAudit audit,
    ILogger<ForgetStaffComputersModel> logger)
    : StaffMemberPageModel(administration, users)
{
    public int Remembered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Remembered = await computers.CountLiveAsync(Member.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var count = await computers.ForgetAllAsync(Member.Id, RememberedComputerReasons.ForgottenByAdministrator, cancellationToken);
        if (count == 0)
        {
            AdminFlash.Set(TempData, $"Nothing changed: {MemberName} had no remembered computers.");
            return new SeeOtherResult(StaffRoutes.Member(Member.Id));
        }

        Log.ComputersForgotten(logger, Member.Id, count, RememberedComputerReasons.ForgottenByAdministrator);
        await audit.WriteAsync(SecurityEventKinds.ComputerForgotten, Member,
            string.Create(CultureInfo.InvariantCulture, $"all {count}, by an administrator"));
        AdminFlash.Set(TempData, $"{MemberName}'s remembered computers are forgotten: every sign-in asks for their code again.");
        return new SeeOtherResult(StaffRoutes.Member(Member.Id));
    }
}
