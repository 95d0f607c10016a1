using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Invitations;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Confirms, then withdraws an invitation nobody accepted: the link stops working and the unused account is deleted.</summary>
public sealed class CancelInvitationModel(
    UserAdministration administration, UserManager<ClinicUser> users, StaffInvitations invitations, AdminAudit audit)
    : StaffMemberPageModel(administration, users)
{
    public const string ErrorKey = "Cancel";

    /// <summary>The invitation can still be withdrawn: nobody has accepted it.</summary>
    public bool Pending => StaffInvitations.IsPending(Member) && !Member.HasAuthenticator;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var (name, email) = (MemberName, Member.Email);
        try
        {
            await invitations.CancelAsync(Member);
        }
        catch (OperationRefusedException refused)
        {
            ModelState.AddModelError(ErrorKey, refused.Message);
            return Page();
        }

        // The account is gone; the event keeps its id and address, so the trail still tells whom it was about.
        await audit.WriteAsync(SecurityEventKinds.InvitationCancelled, Member, $"withdrew the invitation of {email}; the unused account was deleted");
        AdminFlash.Set(TempData, $"Cancelled {name}'s invitation: the link no longer works and the unused account is deleted.");
        return new SeeOtherResult(StaffRoutes.List);
    }
}
