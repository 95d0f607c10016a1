using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Enrolment;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.SignOut;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.MySecurity;

/// <summary>The user's own security page: authenticator status, backup codes left, and the changes they can make.</summary>
[Authorize]
public sealed class MySecurityModel(
    UserManager<ClinicUser> users,
    EnrolmentSubject subjects,
    BackupCodeStore backupCodes,
    AuthenticatorStore authenticators,
    PendingSignIn pending,
    SessionAuthorizations authorizations,
    SessionTerminator terminator,
    SessionRegistry sessions,
    SecurityEventWriter events,
    OrganisationSecurity security,
    TimeProvider time) : PageModel
{
    public const string Route = "/my-security";

    public bool HasAuthenticator { get; private set; }

    public DateTimeOffset? EnrolledAt { get; private set; }

    public int BackupCodesLeft { get; private set; }

    public bool RecentlyVerified { get; private set; }

    public bool CanRemove { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return new SeeOtherResult(SignInRoutes.SignIn);
        }

        HasAuthenticator = user.HasAuthenticator;
        EnrolledAt = user.AuthenticatorEnrolledAt;
        BackupCodesLeft = await backupCodes.CountRemainingAsync(user);
        RecentlyVerified = await subjects.FindAsync() is not null;
        CanRemove = !await security.RequiresTwoFactorAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Asks for the second factor again before a security change (the last one is too old).</summary>
    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.HasAuthenticator)
        {
            return new SeeOtherResult(Route);
        }

        await pending.BeginAsync(user, User.GetAuthenticationMethods(), time.GetUtcNow(), User.GetSessionId());
        return new SeeOtherResult(LocalUrl.WithReturnUrl(SignInJourney.SecondFactorPath, Route));
    }

    /// <summary>Ends every session of this user on every computer, and tells every clinic app (back-channel logout).</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllForUserAsync(user.Id, SessionEndReasons.SignedOutEverywhere, HttpContext.RequestAborted);
            await authorizations.RevokeAllForSubjectAsync(user.Id, HttpContext.RequestAborted);
            await events.WriteAsync(SecurityEventKinds.SignOut, SecurityEventOutcomes.Succeeded, user, "everywhere");
        }

        await terminator.EndAsync(HttpContext);
        return new SeeOtherResult(SignInRoutes.SignedOut);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var subject = await subjects.FindAsync();
        if (subject is null || subject.Pending is not null)
        {
            return new SeeOtherResult(Route);
        }

        if (await security.RequiresTwoFactorAsync(HttpContext.RequestAborted))
        {
            Message = "Your clinic requires two-step verification, so it can't be turned off. Set up a new phone instead.";
            return new SeeOtherResult(Route);
        }

        await authenticators.RemoveAsync(subject.User);
        await backupCodes.DeleteAllAsync(subject.User);
        await events.WriteAsync(SecurityEventKinds.AuthenticatorRemoved, SecurityEventOutcomes.Succeeded, subject.User);
        Message = "Two-step verification is off. Your backup codes no longer work.";
        return new SeeOtherResult(Route);
    }
}
