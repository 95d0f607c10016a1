using ClinikoIdP.Server.Features.AccountNotifications;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// A sign-in step only a passkey satisfies: the app being opened demands phishing-resistant sign-in, or the person
/// chose "Use a passkey" at the second step. A person who has no passkey yet but has just passed a second factor adds
/// one here, then uses it. The step-up of a signed-in session arrives here as a sign-in under way too (the authorize
/// endpoint starts it), and finishing it starts a new session with the combined methods, as every step-up does.
/// </summary>
public sealed class PasskeyStepModel(
    PendingSignIn pending,
    PasskeyCredentials credentials,
    PasskeyVerifier verifier,
    PasskeyRegistration registration,
    SignInJourney journey,
    RememberedComputerSignIn rememberedComputers,
    MfaDemand demand) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The person has no passkey yet: the page offers to add one.</summary>
    public bool Adding { get; private set; }

    /// <summary>The app being opened demands a passkey (rather than the person choosing one).</summary>
    public bool Demanded { get; private set; }

    public string SuggestedName { get; private set; } = "";

    public string RequestOptionsUrl => PasskeyRoutes.Handler(PasskeyRoutes.Step, PasskeyRoutes.RequestOptionsHandler, SafeReturnUrl);

    public string VerifyUrl => PasskeyRoutes.Handler(PasskeyRoutes.Step, PasskeyRoutes.VerifyHandler, SafeReturnUrl);

    public string CreationOptionsUrl => PasskeyRoutes.Handler(PasskeyRoutes.Step, PasskeyRoutes.CreationOptionsHandler, SafeReturnUrl);

    public string RegisterUrl => PasskeyRoutes.Handler(PasskeyRoutes.Step, PasskeyRoutes.RegisterHandler, SafeReturnUrl);

    public string OtherWaysUrl => LocalUrl.WithReturnUrl(SignInJourney.SecondFactorPath, SafeReturnUrl);

    private string? SafeReturnUrl => LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync()
    {
        var state = await pending.GetAsync();
        if (state is null)
        {
            return Expired();
        }

        var asked = await demand.ForReturnUrlAsync(SafeReturnUrl, HttpContext.RequestAborted);
        Demanded = asked.ClientRequiresPhishingResistance || asked.RequestAsksForPhishingResistance;
        if (await credentials.HasAnyAsync(state.User))
        {
            return Page();
        }

        if (!PasskeyAccess.MayAddDuring(state))
        {
            // Adding a passkey needs a second factor first: the code (or enrolment) step, which comes back here.
            return new SeeOtherResult(LocalUrl.WithReturnUrl(
                state.User.HasAuthenticator ? SignInJourney.SecondFactorPath : SignInJourney.EnrolPath, SafeReturnUrl));
        }

        Adding = true;
        SuggestedName = UserAgentDescription.Describe(Request.Headers.UserAgent.ToString()) ?? "My passkey";
        return Page();
    }

    public async Task<IActionResult> OnPostRequestOptionsAsync()
    {
        var state = await pending.GetAsync();
        if (state is null)
        {
            return PasskeyJson.Error(SecondFactorMessages.Expired);
        }

        return await credentials.HasAnyAsync(state.User)
            ? PasskeyJson.Options(await verifier.BeginForUserAsync(state.User))
            : PasskeyJson.Error(PasskeyMessages.NotFound);
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var state = await pending.GetAsync();
        if (state is null)
        {
            return PasskeyJson.Error(SecondFactorMessages.Expired);
        }

        using var body = await PasskeyRequestBody.ReadAsync(Request);
        if (body is null || PasskeyRequestBody.ObjectProperty(body, "credential") is not { } credential)
        {
            return PasskeyJson.Error(PasskeyMessages.Malformed);
        }

        var check = await verifier.VerifyForUserAsync(state.User, credential);
        if (!check.Succeeded)
        {
            return PasskeyJson.Error(check.Error!);
        }

        var next = await journey.CompleteAsync(state, check.Methods!, SafeReturnUrl);

        // The second-factor page's "Remember this computer" box counts for a passkey as for a code, once signed in.
        if (PasskeyRequestBody.IsTrue(body, "rememberComputer") && next != PasswordResetRoutes.ResetPassword)
        {
            await rememberedComputers.RememberAsync(state.User, HttpContext.RequestAborted);
        }

        return PasskeyJson.Next(next);
    }

    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var state = await pending.GetAsync();
        if (state is null || !PasskeyAccess.MayAddDuring(state))
        {
            return PasskeyJson.Error(SecondFactorMessages.Expired);
        }

        return await registration.BeginAsync(state.User) is { } options
            ? PasskeyJson.Options(options)
            : PasskeyJson.Error(PasskeyMessages.TooMany);
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        var state = await pending.GetAsync();
        if (state is null || !PasskeyAccess.MayAddDuring(state))
        {
            return PasskeyJson.Error(SecondFactorMessages.Expired);
        }

        using var body = await PasskeyRequestBody.ReadAsync(Request);
        if (body is null || PasskeyRequestBody.ObjectProperty(body, "credential") is not { } credential)
        {
            return PasskeyJson.Error(PasskeyMessages.Malformed);
        }

        if (PasskeyName.Problem(PasskeyRequestBody.StringProperty(body, "name")) is { } problem)
        {
            return PasskeyJson.Error(problem);
        }

        var error = await registration.CompleteAsync(state.User, credential, PasskeyName.Clean(PasskeyRequestBody.StringProperty(body, "name")));
        return error is null
            ? PasskeyJson.Next(LocalUrl.WithReturnUrl(PasskeyRoutes.Step, SafeReturnUrl))
            : PasskeyJson.Error(error);
    }

    private SeeOtherResult Expired()
    {
        TempData[nameof(SignInModel.Notice)] = SecondFactorMessages.Expired;
        return new SeeOtherResult(LocalUrl.WithReturnUrl(SignInRoutes.SignIn, SafeReturnUrl));
    }
}
