using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.SignIn;

public sealed class SignInModel(
    UserManager<ClinicUser> users,
    SignInManager<ClinicUser> signInManager,
    SignInJourney journey,
    SecurityEventWriter events,
    OrganisationSecurity security,
    IdpMetrics metrics,
    ILogger<SignInModel> logger) : PageModel
{
    public const string FailedMessage =
        "That email and password don't match an account that can sign in. After several failed attempts an account is locked for 15 minutes.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The clinic lets a passkey sign in on its own: the page offers "Sign in with a passkey".</summary>
    public bool OffersPasskey { get; private set; }

    public string PasskeyOptionsUrl => PasskeyRoutes.Handler(PasskeyRoutes.SignIn, PasskeyRoutes.RequestOptionsHandler, ReturnUrl);

    public string PasskeyVerifyUrl => PasskeyRoutes.Handler(PasskeyRoutes.SignIn, PasskeyRoutes.VerifyHandler, ReturnUrl);

    public string ForgotPasswordUrl => PasswordReset.PasswordResetRoutes.ForgotPasswordFrom(ReturnUrl, Input.Email);

    public async Task OnGetAsync()
    {
        ReturnUrl = LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        Input.Email = LoginHint.FromReturnUrl(ReturnUrl) ?? "";
        OffersPasskey = (await security.GetAsync(HttpContext.RequestAborted)).PasswordlessPasskeys;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        OffersPasskey = (await security.GetAsync(HttpContext.RequestAborted)).PasswordlessPasskeys;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user?.PasswordHash is null)
        {
            // An invited account has no password yet: it fails like an unknown email, and its failures never lock
            // it before it is accepted.
            SpendAPasswordCheck();
            await events.WriteAsync(SecurityEventKinds.SignIn, SecurityEventOutcomes.Failed, user,
                user is null ? "unknown email" : "no password yet (invitation not accepted)", email: Input.Email.Trim());
            return Fail(exists: user is not null, lockedOut: false);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account without checking the password: without this, the quick answer
            // would tell which emails belong to (locked) accounts.
            SpendAPasswordCheck();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await events.WriteAsync(SecurityEventKinds.SignIn,
                result.IsLockedOut ? SecurityEventOutcomes.LockedOut : SecurityEventOutcomes.Failed, user, "password");
            return Fail(exists: true, lockedOut: result.IsLockedOut);
        }

        Log.PasswordAccepted(logger, user.Id);
        await events.WriteAsync(SecurityEventKinds.SignIn, SecurityEventOutcomes.Succeeded, user, "password");
        return new SeeOtherResult(await journey.AfterPasswordAsync(user, ReturnUrl, HttpContext.RequestAborted));
    }

    /// <summary>Spends the time a real password check costs, so response time does not reveal which emails exist.</summary>
    private void SpendAPasswordCheck()
    {
        dummyHash ??= users.PasswordHasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(DummyUser, dummyHash, Input.Password);
    }

    private PageResult Fail(bool exists, bool lockedOut)
    {
        Log.PasswordRejected(logger, exists, lockedOut);
        metrics.SignInRefused(lockedOut);
        ModelState.AddModelError(string.Empty, FailedMessage);
        Input.Password = "";
        return Page();
    }

    private static readonly ClinicUser DummyUser = new() { UserName = "nobody@invalid" };

    // Made with the configured hasher, so checking it costs exactly what checking a real password costs.
    private static string? dummyHash;
}
