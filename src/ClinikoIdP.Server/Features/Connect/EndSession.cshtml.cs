using System.Security.Claims;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.SignOut;
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

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). OpenIddict has already checked the id_token_hint's
/// signature and that any post_logout_redirect_uri is registered exactly. A request whose hint proves it comes from the
/// signed-in user's current session ends the session at once; any other request, while someone is signed in, first
/// asks the user (§2), so a link or form on another site cannot sign anyone out. The browser is sent back to the
/// clinic app only when the hint validated; otherwise it sees the signed-out page.
/// </summary>
// A clinic app may send the logout request itself as a form POST (§2), which carries no anti-forgery token; the
// handler that answers the question validates the token itself whenever someone is signed in.
[IgnoreAntiforgeryToken]
public sealed class EndSessionModel(
    SessionTerminator terminator,
    IOpenIddictApplicationManager applications,
    IAntiforgery antiforgery,
    ILogger<EndSessionModel> logger) : PageModel
{
    /// <summary>The named handler the question's form posts to (<c>?handler=Confirm</c>).</summary>
    public const string ConfirmHandler = "Confirm";

    /// <summary>RP-Initiated Logout 1.0 §2's hint about the user to sign out (OpenIddict 7.8 has no constant for it).</summary>
    private const string LogoutHint = "logout_hint";

    /// <summary>The app that sent the request, when the request names a registered one.</summary>
    public string? ApplicationName { get; private set; }

    /// <summary>The logout request's own parameters, posted back with the answer so OpenIddict checks them again.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync();

    public Task<IActionResult> OnPostAsync() => HandleAsync();

    /// <summary>
    /// The "Sign out" answer. The anti-forgery token is there so that another site's form cannot sign the signed-in
    /// person out; it is tied to the person who was asked. When nobody is signed in any more (they signed out in another
    /// tab, or the session expired or was ended), that token can no longer validate, and there is nothing left to forge:
    /// the answer is then the logout it asked for, exactly as a plain request with nobody signed in would be. When
    /// someone is signed in, the token must be theirs, from this browser, so a question left open while somebody else
    /// signed in on the same computer cannot sign them out: that is refused with 400 (the error page).
    /// </summary>
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session is { Succeeded: true, Principal: { } user } && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Log.SignOutAnswerRefused(logger, user.FindFirst(Claims.Subject)?.Value ?? "");
            return BadRequest();
        }

        return await EndAsync(ReadRequest(), await AuthenticateHintAsync());
    }

    private async Task<IActionResult> HandleAsync()
    {
        var request = ReadRequest();
        var hint = await AuthenticateHintAsync();
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);

        // §2: the OP MUST ask "if an id_token_hint was not provided or if the supplied ID Token does not belong to the
        // current OP session with the RP and/or currently logged in End-User". With nobody signed in there is nothing
        // to ask about.
        if (session is { Succeeded: true, Principal: { } user } && !BelongsToSession(hint, user))
        {
            Log.SignOutConfirmationAsked(logger, user.FindFirst(Claims.Subject)?.Value ?? "");
            ApplicationName = await DescribeApplicationAsync(request.ClientId ?? SingleAudience(hint));
            RequestParameters = CarriedParameters(request);
            return Page();
        }

        return await EndAsync(request, hint);
    }

    private async Task<IActionResult> EndAsync(OpenIddictRequest request, ClaimsPrincipal? hint)
    {
        await terminator.EndAsync(HttpContext);

        if (hint is null || string.IsNullOrEmpty(request.PostLogoutRedirectUri))
        {
            return RedirectToPage("/SignOut/SignedOut");
        }

        return SignOut(new AuthenticationProperties { RedirectUri = SignInRoutes.SignedOut },
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private OpenIddictRequest ReadRequest() => HttpContext.GetOpenIddictServerRequest()
        ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

    /// <summary>
    /// The id_token_hint's principal, or null. OpenIddict treats the hint as optional: an unsigned, altered or
    /// foreign-signed hint is ignored rather than refused (the result then holds an empty, unauthenticated principal),
    /// so only a hint that validated proves anything.
    /// </summary>
    private async Task<ClaimsPrincipal?> AuthenticateHintAsync()
    {
        var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return result.Principal?.Identity?.IsAuthenticated == true ? result.Principal : null;
    }

    /// <summary>
    /// Whether the hint was issued to the signed-in user in this browser's session: the same <c>sub</c>, and the same
    /// <c>sid</c> when the token carries one (TokenPrincipalFactory puts the session's sid in every id token).
    /// </summary>
    private static bool BelongsToSession(ClaimsPrincipal? hint, ClaimsPrincipal session)
    {
        if (hint?.GetClaim(Claims.Subject) is not { } subject
            || !string.Equals(subject, session.FindFirst(Claims.Subject)?.Value, StringComparison.Ordinal))
        {
            return false;
        }

        var sessionId = hint.GetClaim(SessionClaims.SessionId);
        return sessionId is null || string.Equals(sessionId, session.GetSessionId(), StringComparison.Ordinal);
    }

    private static string? SingleAudience(ClaimsPrincipal? hint) =>
        hint?.GetAudiences() is [var audience] ? audience : null;

    private async Task<string?> DescribeApplicationAsync(string? clientId)
    {
        if (string.IsNullOrEmpty(clientId)
            || await applications.FindByClientIdAsync(clientId, HttpContext.RequestAborted) is not { } application)
        {
            return null;
        }

        return await applications.GetLocalizedDisplayNameAsync(application, HttpContext.RequestAborted) ?? clientId;
    }

    /// <summary>
    /// The parameters RP-Initiated Logout 1.0 §2 defines, and only those: the answer is the same logout request again,
    /// so OpenIddict checks exactly what the app sent, while anything else in the request is not carried into the page.
    /// </summary>
    private static List<KeyValuePair<string, string>> CarriedParameters(OpenIddictRequest request) =>
    [
        .. new (string Name, string? Value)[]
        {
            (Parameters.IdTokenHint, request.IdTokenHint),
            (LogoutHint, (string?)request.GetParameter(LogoutHint)),
            (Parameters.ClientId, request.ClientId),
            (Parameters.PostLogoutRedirectUri, request.PostLogoutRedirectUri),
            (Parameters.State, request.State),
            (Parameters.UiLocales, request.UiLocales),
        }
        .Where(parameter => !string.IsNullOrEmpty(parameter.Value))
        .Select(parameter => new KeyValuePair<string, string>(parameter.Name, parameter.Value!)),
    ];
}
