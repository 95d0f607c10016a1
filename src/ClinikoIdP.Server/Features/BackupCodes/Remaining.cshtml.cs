using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.BackupCodes;

/// <summary>Tells the user how many backup codes remain after using one, and offers a new set when few are left.</summary>
[Authorize]
public sealed class RemainingModel(UserManager<ClinicUser> users, BackupCodeStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int Left { get; private set; }

    public bool Low => Left <= BackupCodeStore.LowWarningThreshold;

    public string ContinueUrl => LocalUrl.OrHome(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Left = await store.CountRemainingAsync(user);
        return Page();
    }
}
