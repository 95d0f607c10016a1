using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Enrolment;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.MySecurity;

/// <summary>
/// Changes the password after a recent second factor. Every other session ends (new security stamp) and every
/// refresh token is revoked (RFC 9700 §4.14); this browser keeps a fresh session.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(
    EnrolmentSubject subjects,
    UserManager<ClinicUser> users,
    SessionAuthorizations authorizations,
    SessionIssuer sessions,
    SessionRegistry registry,
    RememberedComputerList rememberedComputers,
    SecurityEventWriter events) : PageModel
{
    public const string Route = "/my-security/password";

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await subjects.FindAsync() is { Pending: null } ? Page() : new SeeOtherResult(MySecurityModel.Route);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await subjects.FindAsync() is not { Pending: null } subject)
        {
            return new SeeOtherResult(MySecurityModel.Route);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(subject.User, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "That isn't your current password." : error.Description);
            }

            await events.WriteAsync(SecurityEventKinds.PasswordChanged, SecurityEventOutcomes.Failed, subject.User);
            return Page();
        }

        await registry.EndAllForUserAsync(subject.User.Id, SessionEndReasons.PasswordChanged, HttpContext.RequestAborted,
            exceptSessionId: User.GetSessionId());
        await authorizations.RevokeAllForSubjectAsync(subject.User.Id, HttpContext.RequestAborted);
        await rememberedComputers.ForgetAllAsync(subject.User.Id, RememberedComputerReasons.PasswordChanged, HttpContext.RequestAborted);
        await sessions.StartSessionAsync(subject.User, User.GetAuthenticationMethods(),
            User.GetAuthenticationTime() ?? DateTimeOffset.UtcNow, User.GetSessionId());
        await events.WriteAsync(SecurityEventKinds.PasswordChanged, SecurityEventOutcomes.Succeeded, subject.User);
        Message = "Your password is changed. You are signed out everywhere else; clinic apps will ask you to sign in again.";
        return new SeeOtherResult(MySecurityModel.Route);
    }
}
