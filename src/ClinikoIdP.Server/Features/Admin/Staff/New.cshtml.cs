using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Adds a staff member with an initial password (the foundation's password rules), optionally as administrator.</summary>
public sealed class NewStaffModel(UserAdministration administration, AdminAudit audit) : PageModel
{
    [BindProperty]
    public NewStaffInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await administration.IsEmailTakenAsync(Input.Email, exceptUserId: null))
        {
            ModelState.AddModelError("Input.Email", "Another account already uses this email address.");
        }

        if (ModelState.IsValid)
        {
            foreach (var problem in await administration.CheckPasswordAsync(Input.Password))
            {
                ModelState.AddModelError("Input.Password", problem);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var user = await administration.CreateAsync(Input.Email, Input.Password, Input.DisplayName, Input.Administrator, cancellationToken);
            await audit.WriteAsync(SecurityEventKinds.AdminUserCreated, user, $"created {user.Email}");
            if (Input.Administrator)
            {
                await audit.WriteAsync(SecurityEventKinds.AdminRoleGranted, user, "Admin");
            }

            AdminFlash.Set(TempData,
                $"{user.DisplayName ?? user.Email} can now sign in. Give them their initial password in person; they set up two-step verification at their first sign-in.");
            return new SeeOtherResult(StaffRoutes.Member(user.Id));
        }
        catch (OperationRefusedException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            return Page();
        }
    }
}
