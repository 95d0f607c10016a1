using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Enrolment;

/// <summary>Set up an authenticator app: scan the QR code (or type the key), then confirm one code.</summary>
public sealed class EnrolModel(
    EnrolmentSubject subjects,
    AuthenticatorStore authenticators,
    BackupCodeStore backupCodes,
    PendingSignIn pending,
    SecurityEventWriter events,
    Data.IdpDbContext db,
    IOptions<TwoFactorOptions> options) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public QrCodeImage QrCode { get; private set; } = new("", 0);

    public string FormattedKey { get; private set; } = "";

    public bool Replacing { get; private set; }

    /// <summary>The name the authenticator app will show beside the account.</summary>
    public string Issuer => options.Value.Issuer;

    public async Task<IActionResult> OnGetAsync()
    {
        var subject = await subjects.FindAsync();
        if (subject is null)
        {
            return NotAllowed();
        }

        await ShowAsync(subject);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var subject = await subjects.FindAsync();
        if (subject is null)
        {
            return NotAllowed();
        }

        if (ModelState.IsValid)
        {
            // The new secret and its backup codes are saved together or not at all: a fault between the two would
            // otherwise leave an authenticator without backup codes. Security events keep their own connection (they
            // must outlive an abandoned request), so they follow the commit.
            await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
            var check = await authenticators.ConfirmSetupAsync(subject.User, Input.Code);
            if (check.IsAccepted)
            {
                var codes = await backupCodes.RegenerateAsync(subject.User);
                await transaction.CommitAsync(HttpContext.RequestAborted);
                await events.WriteAsync(SecurityEventKinds.AuthenticatorEnrolled, SecurityEventOutcomes.Succeeded, subject.User);
                await events.WriteAsync(SecurityEventKinds.BackupCodesRegenerated, SecurityEventOutcomes.Succeeded, subject.User, "at enrolment");
                TempData[BackupCodeRoutes.TempDataKey] = string.Join(' ', codes);
                if (subject.Pending is { } state)
                {
                    // The sign-in now has both factors; the session starts once the backup codes are saved.
                    await pending.BeginAsync(subject.User, state.Methods.Concat(AuthenticationLevel.AfterAuthenticatorCode),
                        state.StartedAt, state.SessionId);
                }

                return new SeeOtherResult(LocalUrl.WithReturnUrl(BackupCodeRoutes.Show, ReturnUrl));
            }

            // Without this the field would show the refused code again (tag helpers prefer the attempted value).
            ModelState.Remove("Input.Code");
            ModelState.AddModelError("Input.Code", SecondFactorMessages.For(check));
        }

        Input.Code = "";
        await ShowAsync(subject);
        return Page();
    }

    private async Task ShowAsync(EnrolmentSubjectState subject)
    {
        var setup = await authenticators.BeginSetupAsync(subject.User);
        QrCode = QrCodeImage.Render(setup.OtpAuthUri);
        FormattedKey = setup.FormattedKey;
        Replacing = subject.User.HasAuthenticator;
    }

    private SeeOtherResult NotAllowed()
    {
        TempData[nameof(SignInModel.Notice)] = SecondFactorMessages.Expired;
        return new SeeOtherResult(LocalUrl.WithReturnUrl(SignInRoutes.SignIn, ReturnUrl));
    }
}
