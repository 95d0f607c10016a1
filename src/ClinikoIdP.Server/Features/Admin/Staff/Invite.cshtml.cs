using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>
/// Invites a staff member by email: the account is created without a password and the person chooses one through a
/// single-use link, then sets up two-step verification. Without email the page explains what to configure. The
/// invitation service writes the audit events (account created, role granted, invitation sent) under this administrator.
/// </summary>
public sealed class InviteStaffModel(
    StaffInvitations invitations, UserManager<ClinicUser> users, IOptions<EmailOptions> options) : PageModel
{
    [BindProperty]
    public InviteStaffInput Input { get; set; } = new();

    public bool EmailConfigured => invitations.IsEmailConfigured;

    /// <summary>How long the emailed link works, as the form's hint says it.</summary>
    public string LinkLifetime => InvitationEmail.Describe(options.Value.InvitationLinkLifetime);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!EmailConfigured)
        {
            return Page();
        }

        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email.Trim()) is { } existing && !StaffInvitations.IsPending(existing))
        {
            ModelState.AddModelError("Input.Email", "Another account already uses this email address, and that person already signs in with their own password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var admin = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No administrator is signed in.");
            var result = await invitations.InviteAsync(Input.Email, Input.DisplayName, Input.Administrator, Inviter.For(admin), cancellationToken);
            var name = result.User.DisplayName ?? result.User.Email;
            AdminFlash.Set(TempData, result.Resent
                ? $"{name} was already invited and hasn't accepted yet: a new invitation is on its way to {result.User.Email} and the earlier link no longer works. Their name and role are unchanged."
                : $"Invitation on its way to {result.User.Email}. {name} chooses a password through the link (it works once, until {InvitationEmail.When(result.ExpiresAt)}), then sets up two-step verification.");
            return new SeeOtherResult(StaffRoutes.Member(result.User.Id));
        }
        catch (OperationRefusedException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            return Page();
        }
    }
}
