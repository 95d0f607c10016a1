using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.Passwords;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>
/// Opens a reset link (checked, not used: mail scanners open links too) and asks for the new password. Submitting
/// uses the link once. With an authenticator, the new password waits for the second factor and no session exists
/// before it passes; without one, it applies at once and the sign-in continues (to enrolment when the policy says so).
/// </summary>
public sealed class ResetPasswordModel(
    AccountLinkStore links,
    AccountLinkCookie linkCookie,
    UserManager<ClinicUser> users,
    PasswordResetCompletion completion,
    PendingSignIn pending,
    SignInJourney journey,
    PasskeyCredentials passkeys,
    SecurityEventWriter events,
    TimeProvider time,
    ILogger<ResetPasswordModel> logger) : PageModel
{
    private const string Purpose = AccountLinkPurposes.PasswordReset;

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ResetPasswordState State { get; private set; } = ResetPasswordState.ChoosePassword;

    /// <summary>The account's email, shown and offered to password managers as the user name.</summary>
    public string Email { get; private set; } = "";

    public string ForgotPasswordUrl => LocalUrl.WithReturnUrl(PasswordResetRoutes.ForgotPassword, ReturnUrl);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? token)
    {
        ReturnUrl = LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        if (token is not null)
        {
            if (await links.FindLiveAsync(token, Purpose, HttpContext.RequestAborted) is null)
            {
                return Unusable();
            }

            // Out of the address bar (history, later requests' logs) and into a short-lived encrypted cookie.
            linkCookie.Keep(Purpose, token);
            return new SeeOtherResult(LocalUrl.WithReturnUrl(PasswordResetRoutes.ResetPassword, ReturnUrl));
        }

        if (await FindAsync() is not { } found)
        {
            return Unusable();
        }

        return AdministratorLock.Holds(found.User) ? Locked(found.User) : Show(found.User);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        if (await FindAsync() is not { } found)
        {
            return Unusable();
        }

        var (link, user) = found;
        if (AdministratorLock.Holds(user))
        {
            await events.WriteAsync(SecurityEventKinds.PasswordReset, SecurityEventOutcomes.Failed, user, "locked by an administrator");
            return Locked(user);
        }

        if (!ModelState.IsValid)
        {
            return Show(user);
        }

        await users.AddBrokenRulesAsync(user, Input.NewPassword, ModelState, "Input.NewPassword");

        // A passkey is a second factor too: a person whose only one is a passkey must still use it.
        var hasSecondFactor = user.HasAuthenticator || await passkeys.HasAnyAsync(user);

        // The second factor cannot pass while the account is locked after failed attempts: keep the link for later.
        if (hasSecondFactor && await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty,
                "Too many wrong passwords or codes were tried on this account, so it is locked for a few minutes. Try again later: this link still works until it expires.");
        }

        if (!ModelState.IsValid)
        {
            return Show(user);
        }

        var cancellationToken = HttpContext.RequestAborted;
        if (!await links.TryUseAsync(link.Id, cancellationToken))
        {
            return Unusable();
        }

        linkCookie.Clear(Purpose);
        var passwordHash = users.PasswordHasher.HashPassword(user, Input.NewPassword);
        if (hasSecondFactor)
        {
            // The link is spent now: a browser that goes away here must not spend it for nothing.
            await completion.HoldForSecondFactorAsync(user, link.Id, passwordHash, CancellationToken.None);
            await pending.BeginAsync(user, AuthenticationLevel.AfterPassword, time.GetUtcNow(), passwordResetLinkId: link.Id);
            return new SeeOtherResult(LocalUrl.WithReturnUrl(SignInJourney.SecondFactorPath, ReturnUrl));
        }

        await completion.ApplyAsync(user, passwordHash, "no second factor set up");
        return new SeeOtherResult(await journey.AfterPasswordAsync(user, ReturnUrl, cancellationToken));
    }

    /// <summary>The live link kept in this browser's link cookie, and its account.</summary>
    private async Task<(AccountLinkRecord Link, ClinicUser User)?> FindAsync()
    {
        var link = await links.FindLiveAsync(linkCookie.Read(Purpose), Purpose, HttpContext.RequestAborted);
        var user = link is null ? null : await users.FindByIdAsync(link.UserId);
        return link is null || user is null ? null : (link, user);
    }

    private PageResult Show(ClinicUser user)
    {
        Email = user.Email ?? "";
        Input.NewPassword = "";
        Input.ConfirmPassword = "";
        return Page();
    }

    private PageResult Locked(ClinicUser user)
    {
        Log.PasswordResetRefused(logger, user.Id, "the account is locked by an administrator");
        State = ResetPasswordState.AccountLocked;
        return Page();
    }

    private PageResult Unusable()
    {
        Log.PasswordResetLinkRefused(logger);
        linkCookie.Clear(Purpose);
        State = ResetPasswordState.LinkUnusable;
        return Page();
    }
}
