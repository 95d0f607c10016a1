using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>The second step of a sign-in (or a step-up): a 6-digit authenticator code or a backup code.</summary>
public sealed class TwoFactorModel(
    PendingSignIn pending,
    SecondFactorVerifier verifier,
    SignInJourney journey,
    PasskeyCredentials passkeys,
    RememberedComputerSignIn rememberedComputers,
    IOptions<TwoFactorOptions> options) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The "Remember this computer" box was ticked.</summary>
    [BindProperty]
    public bool RememberComputer { get; set; }

    /// <summary>For how many days the page offers to remember this computer; null when the organisation doesn't allow it.</summary>
    public int? RememberDays { get; private set; }

    /// <summary>True when this code finishes a password reset: the new password applies only once it passes.</summary>
    public bool FinishesPasswordReset { get; private set; }

    /// <summary>The person has a passkey: the page offers it beside the code box.</summary>
    public bool HasPasskey { get; private set; }

    public bool HasAuthenticator { get; private set; }

    public string PasskeyOptionsUrl => PasskeyRoutes.Handler(PasskeyRoutes.Step, PasskeyRoutes.RequestOptionsHandler, SafeReturnUrl);

    public string PasskeyVerifyUrl => PasskeyRoutes.Handler(PasskeyRoutes.Step, PasskeyRoutes.VerifyHandler, SafeReturnUrl);

    private string? SafeReturnUrl => LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;

    /// <summary>The name the authenticator app shows beside the account.</summary>
    public string Issuer => options.Value.Issuer;

    public async Task<IActionResult> OnGetAsync()
    {
        var state = await pending.GetAsync();
        if (state is null)
        {
            return Expired();
        }

        FinishesPasswordReset = state.PasswordResetLinkId is not null;
        await DescribeFactorsAsync(state);
        RememberDays = await rememberedComputers.OfferedDaysAsync(HttpContext.RequestAborted);

        return HasAuthenticator || HasPasskey ? Page() : new SeeOtherResult(WithReturnUrl(SignInJourney.EnrolPath));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var state = await pending.GetAsync();
        if (state is null)
        {
            return Expired();
        }

        FinishesPasswordReset = state.PasswordResetLinkId is not null;
        await DescribeFactorsAsync(state);
        RememberDays = await rememberedComputers.OfferedDaysAsync(HttpContext.RequestAborted);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await verifier.VerifyAsync(state.User, Input.Code);
        Input.Code = "";
        if (!result.Succeeded)
        {
            // Without this the field would show the refused code again (tag helpers prefer the attempted value).
            ModelState.Remove("Input.Code");
            ModelState.AddModelError("Input.Code", result.Error!);
            return Page();
        }

        var next = await journey.CompleteAsync(state, result.Methods!, LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null);

        // Only once the sign-in is complete: a password reset that could no longer apply starts no session.
        if (RememberComputer && next != PasswordResetRoutes.ResetPassword)
        {
            await rememberedComputers.RememberAsync(state.User, HttpContext.RequestAborted);
        }

        if (result.BackupCodesLeft is not null)
        {
            return new SeeOtherResult(LocalUrl.WithReturnUrl(BackupCodeRoutes.Remaining, next));
        }

        return new SeeOtherResult(next);
    }

    private async Task DescribeFactorsAsync(PendingSignInState state)
    {
        HasAuthenticator = state.User.HasAuthenticator;
        HasPasskey = await passkeys.HasAnyAsync(state.User);
    }

    private SeeOtherResult Expired()
    {
        TempData[nameof(SignInModel.Notice)] = SecondFactorMessages.Expired;
        return new SeeOtherResult(WithReturnUrl(SignInRoutes.SignIn));
    }

    private string WithReturnUrl(string path) =>
        LocalUrl.WithReturnUrl(path, ReturnUrl);
}
