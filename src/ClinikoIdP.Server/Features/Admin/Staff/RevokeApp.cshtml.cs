using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Confirms, then revokes a staff member's consent and sign-ins for one app, with its tokens.</summary>
public sealed class RevokeStaffAppModel(
    UserAdministration administration, UserManager<ClinicUser> users, AuthorizedApps apps, AdminAudit audit)
    : StaffMemberPageModel(administration, users)
{
    private const int MaxApplicationIdLength = 100;

    [BindProperty(SupportsGet = true)]
    public string ApplicationId { get; set; } = "";

    public AuthorizedApp App { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAppAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAppAsync(cancellationToken))
        {
            return NotFound();
        }

        await apps.RevokeAsync(Member.Id, App.ApplicationId, cancellationToken);
        await audit.WriteAsync(SecurityEventKinds.AdminAuthorizationRevoked, Member,
            $"{App.Name}: {(App.ConsentedAt is null ? "" : "consent and ")}{App.SignIns} sign-in(s) revoked", App.ClientId);
        AdminFlash.Set(TempData, $"{MemberName} is signed out of {App.Name}.");
        return new SeeOtherResult(StaffRoutes.Member(Member.Id));
    }

    private async Task<bool> LoadAppAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync() || ApplicationId.Length is 0 or > MaxApplicationIdLength
            || await apps.FindAsync(Member.Id, ApplicationId, cancellationToken) is not { } app)
        {
            return false;
        }

        App = app;
        return true;
    }
}
