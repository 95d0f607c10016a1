using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>
/// Confirms, then ends one session: its record ends (the browser's cookie is refused from its next request) and
/// whatever it handed to clinic apps is revoked with back-channel logout. The person's other browsers stay signed in.
/// </summary>
public sealed class EndStaffSessionModel(
    UserAdministration administration,
    UserManager<ClinicUser> users,
    SessionRegistry sessions,
    SessionAuthorizations authorizations,
    AdminAudit audit) : StaffMemberPageModel(administration, users)
{
    private const int MaxSessionIdLength = 64;

    [BindProperty(SupportsGet = true)]
    public string SessionId { get; set; } = "";

    public UserSessionRecord Session { get; private set; } = null!;

    public bool IsCurrentSession => Session.Id == User.GetSessionId();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadSessionAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadSessionAsync(cancellationToken))
        {
            return NotFound();
        }

        await sessions.EndAsync(Session.Id, SessionEndReasons.RevokedByAdministrator, cancellationToken);
        await authorizations.RevokeSessionAsync(Member.Id, Session.Id, cancellationToken);
        await audit.WriteAsync(SecurityEventKinds.AdminSessionRevoked, Member,
            $"session of {SessionDescriptions.Browser(Session.UserAgent)} from {Session.IpAddress ?? "unknown address"}, started {StaffFormat.When(Session.StartedAt)}");
        AdminFlash.Set(TempData, $"Ended the session of {MemberName} on {SessionDescriptions.Browser(Session.UserAgent)}.");
        return new SeeOtherResult(StaffRoutes.Member(Member.Id));
    }

    private async Task<bool> LoadSessionAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync() || SessionId.Length is 0 or > MaxSessionIdLength
            || await sessions.FindLiveAsync(Member.Id, SessionId, cancellationToken) is not { } session)
        {
            return false;
        }

        Session = session;
        return true;
    }
}
