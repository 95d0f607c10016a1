using ClinikoIdP.Server.Features.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.BackupCodes;

/// <summary>Tells the user how many backup codes remain after using one, and offers a new set when few are left.</summary>
[Authorize]
public sealed class RemainingModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Left { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Low => Left <= BackupCodeStore.LowWarningThreshold;

    public string ContinueUrl => LocalUrl.OrHome(ReturnUrl);

    public void OnGet() => Left = Math.Clamp(Left, 0, 10);
}
