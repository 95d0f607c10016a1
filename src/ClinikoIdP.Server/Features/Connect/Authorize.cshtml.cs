using System.Collections.Immutable;
using System.Security.Claims;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

// A clinic app may send the authorization request itself as a form POST (OIDC Core §3.1.2.1), which carries no
// anti-forgery token; the consent handlers, which act for the signed-in user, validate the token themselves.
[IgnoreAntiforgeryToken]
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    SessionAuthorizations sessionAuthorizations,
    TokenPrincipalFactory principals,
    UserManager<ClinicUser> users,
    SignInManager<ClinicUser> signInManager,
    SignInJourney journey,
    PendingSignIn pending,
    MfaDemand mfaDemand,
    IAntiforgery antiforgery,
    TimeProvider time) : PageModel
{
    public string ApplicationName { get; private set; } = "";

    public IReadOnlyList<string> RequestedScopes { get; private set; } = [];

    public IReadOnlyList<string> RequestScopesDescribed { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync(consentGiven: false);

    public Task<IActionResult> OnPostAsync() => HandleAsync(consentGiven: false);

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        return await HandleAsync(consentGiven: true);
    }

    public async Task<IActionResult> OnPostDenyAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        return Reject(Errors.AccessDenied, "The user declined to share the requested information.");
    }

    private async Task<IActionResult> HandleAsync(bool consentGiven)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = HttpContext.RequestAborted;

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var hint = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var verdict = AuthorizationRequestState.Judge(request, session.Principal,
            hint.Principal?.GetClaim(Claims.Subject), time.GetUtcNow());

        var user = verdict == SessionVerdict.Usable ? await users.GetUserAsync(session.Principal!) : null;
        if (user is null || !await signInManager.CanSignInAsync(user) || await users.IsLockedOutAsync(user)
            || !await IsCurrentAsync(session.Principal!, user))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.LoginRequired, "The user must sign in.");
            }

            return ChallengeSignIn(forceFresh: verdict is SessionVerdict.ReauthenticationRequired or SessionVerdict.DifferentUserHinted);
        }

        // Step-up (ARCHITECTURE.md step 8): a session that has not passed the second factor this client or request
        // demands never yields a code; the user proves the factor (or enrols) without typing the password again.
        var demand = await mfaDemand.ForRequestAsync(request.ClientId, request.AcrValues, cancellationToken);
        var methods = session.Principal!.GetAuthenticationMethods();
        if (await journey.StepUpUrlAsync(user, methods, demand, AuthorizeUrl(forceFresh: false), cancellationToken) is { } stepUrl)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.InteractionRequired, "A second factor is required before this application can be used.");
            }

            await pending.BeginAsync(user, methods, time.GetUtcNow(), session.Principal!.GetSessionId());
            return Redirect(stepUrl);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("The client application cannot be found.");
        var applicationId = (await applications.GetIdAsync(application, cancellationToken))!;
        var subject = await users.GetUserIdAsync(user);
        var requestedScopes = request.GetScopes();

        var needsConsent = await applications.HasConsentTypeAsync(application, ConsentTypes.Explicit, cancellationToken)
            && (request.HasPromptValue(PromptValues.Consent)
                || !await sessionAuthorizations.HasConsentAsync(subject, applicationId, requestedScopes, cancellationToken));
        if (needsConsent && !consentGiven)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.ConsentRequired, "The user must consent to this application.");
            }

            await ShowConsentAsync(application, requestedScopes, cancellationToken);
            return Page();
        }

        var principal = await principals.CreateForUserAsync(user, session.Principal!, requestedScopes, cancellationToken);
        if (consentGiven)
        {
            await sessionAuthorizations.RecordConsentAsync(principal, subject, applicationId, requestedScopes, cancellationToken);
        }

        principal.SetAuthorizationId(await sessionAuthorizations.CreateForSessionAsync(
            principal, subject, applicationId, principal.GetClaim("sid"), requestedScopes, cancellationToken));
        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The cookie handler checks the security stamp only once a minute; codes are where sessions turn into tokens, so a
    /// session from before a password change, lock or second-factor reset is refused here at once.
    /// </summary>
    private Task<bool> IsCurrentAsync(ClaimsPrincipal session, ClinicUser user) =>
        signInManager.ValidateSecurityStampAsync(user, session.FindFirst(signInManager.Options.ClaimsIdentity.SecurityStampClaimType)?.Value);

    private ChallengeResult ChallengeSignIn(bool forceFresh) =>
        Challenge(new AuthenticationProperties { RedirectUri = AuthorizeUrl(forceFresh) }, IdentityConstants.ApplicationScheme);

    /// <summary>
    /// This authorization request as a local URL to come back to after a sign-in step. With a forced fresh sign-in,
    /// prompt=login and max_age are dropped: the new sign-in satisfies them, and keeping them would loop forever.
    /// </summary>
    private string AuthorizeUrl(bool forceFresh)
    {
        var parameters = (Request.HasFormContentType ? Request.Form.AsEnumerable() : Request.Query.AsEnumerable())
            .Where(p => !(forceFresh && p.Key is Parameters.Prompt or Parameters.MaxAge))
            .Where(p => p.Key is not "__RequestVerificationToken" and not "handler")
            .ToList();
        return Request.PathBase + Request.Path + QueryString.Create(parameters);
    }

    private async Task ShowConsentAsync(object application, ImmutableArray<string> requestedScopes, CancellationToken cancellationToken)
    {
        ApplicationName = await applications.GetLocalizedDisplayNameAsync(application, cancellationToken)
            ?? await applications.GetClientIdAsync(application, cancellationToken) ?? "";
        var descriptions = new List<string>();
        foreach (var name in requestedScopes)
        {
            descriptions.Add(await ScopeDescriptions.DescribeAsync(scopes, name, cancellationToken));
        }

        RequestScopesDescribed = descriptions;
        RequestedScopes = [.. requestedScopes];
        RequestParameters = [.. (Request.HasFormContentType ? Request.Form.AsEnumerable() : Request.Query.AsEnumerable())
            .Where(p => p.Key is not "__RequestVerificationToken" and not "handler")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))];
    }

    private ForbidResult Reject(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
