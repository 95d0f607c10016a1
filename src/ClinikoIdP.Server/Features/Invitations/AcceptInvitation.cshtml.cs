using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.Passwords;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>
/// Accepting an invitation. Opening the emailed link only checks it (mail scanners open links too), moves its token
/// into a short-lived cookie and reloads the page without it. Submitting a password uses the link once, sets the
/// password and goes straight on to setting up two-step verification, whatever the clinic's policy: a new account
/// starts with both factors. A link that is expired, used, replaced or mistyped gets one plain explanation.
/// </summary>
public sealed class AcceptInvitationModel(
    AccountLinkStore links,
    AccountLinkCookie cookie,
    UserManager<ClinicUser> users,
    IdpDbContext db,
    PendingSignIn pending,
    SecurityEventWriter events,
    EmailOutbox outbox,
    TimeProvider time,
    ILogger<AcceptInvitationModel> logger) : PageModel
{
    private const string Purpose = AccountLinkPurposes.Invitation;

    [BindProperty]
    public AcceptInvitationInput Input { get; set; } = new();

    /// <summary>Whom the invitation is for; null when the link can no longer be used (the page explains).</summary>
    public ClinicUser? Invitee { get; private set; }

    /// <summary>An administrator locked the account after inviting: the password can't be set until it is unlocked.</summary>
    public bool Locked { get; private set; }

    public string Brand => outbox.Brand;

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return await FindAsync(cookie.Read(Purpose), cancellationToken) is null ? Unusable() : Page();
        }

        if (await FindAsync(token, cancellationToken) is null)
        {
            return Unusable();
        }

        cookie.Keep(Purpose, token);
        return new SeeOtherResult(Request.PathBase + InvitationRoutes.Accept);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cookie.Read(Purpose), cancellationToken) is not { } link || Invitee is not { } user)
        {
            return Unusable();
        }

        if (Locked)
        {
            return Page();
        }

        if (ModelState.IsValid)
        {
            // The rules a password must meet, in their own words (length, not a common password), with the link kept.
            await users.AddBrokenRulesAsync(user, Input.Password, ModelState, "Input.Password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await AcceptAsync(link, user, cancellationToken))
        {
            return Unusable();
        }

        cookie.Clear(Purpose);
        await events.WriteAsync(SecurityEventKinds.InvitationAccepted, SecurityEventOutcomes.Succeeded, user, "password chosen");
        Log.InvitationAccepted(logger, user.Id);

        // The password is proven; the session waits for the second factor, which a new account sets up now.
        await pending.BeginAsync(user, AuthenticationLevel.AfterPassword, time.GetUtcNow());
        return new SeeOtherResult(Request.PathBase + (user.HasAuthenticator ? SignInJourney.SecondFactorPath : SignInJourney.EnrolPath));
    }

    /// <summary>Uses the link and sets the password as one change: of two tabs submitting, one wins and the other changes nothing.</summary>
    private async Task<bool> AcceptAsync(AccountLinkRecord link, ClinicUser user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await links.TryUseAsync(link.Id, cancellationToken))
        {
            return false;
        }

        user.EmailConfirmed = true;
        if (!(await users.AddPasswordAsync(user, Input.Password)).Succeeded)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The live invitation link with this token, for an account still waiting for its password; else null.</summary>
    private async Task<AccountLinkRecord?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (await links.FindLiveAsync(token, Purpose, cancellationToken) is not { } link
            || await users.FindByIdAsync(link.UserId) is not { } user
            || !StaffInvitations.IsPending(user))
        {
            return null;
        }

        Invitee = user;
        Locked = await users.IsLockedOutAsync(user);
        return link;
    }

    private PageResult Unusable()
    {
        Log.InvitationLinkRefused(logger);
        cookie.Clear(Purpose);
        Invitee = null;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
