using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Enrolment;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.BackupCodes;

/// <summary>
/// Shows a new set of backup codes once (kept in encrypted TempData until the user confirms), printable on one sheet
/// and downloadable as text. Confirming finishes a pending sign-in that has already passed the authenticator.
/// </summary>
public sealed class BackupCodesModel(
    EnrolmentSubject subjects,
    BackupCodeStore store,
    SignInJourney journey,
    SecurityEventWriter events,
    IOptions<TwoFactorOptions> options,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm you have saved your backup codes.")]
    public bool Saved { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string Issuer => options.Value.Issuer;

    public string Email { get; private set; } = "";

    public string Generated { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var subject = await subjects.FindAsync(allowExistingAuthenticatorWhenPending: true);
        if (subject is null || !Load(subject))
        {
            return new SeeOtherResult(subject?.Pending is null ? "/my-security" : SignInRoutes.SignIn);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var subject = await subjects.FindAsync(allowExistingAuthenticatorWhenPending: true);
        if (subject is null || !Load(subject))
        {
            return NotFound();
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Issuer} backup codes for {Email}")
            .AppendLine(CultureInfo.InvariantCulture, $"Generated {Generated}. Each code works once. Keep them somewhere safe.")
            .AppendLine();
        foreach (var code in Codes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[ ] {code}");
        }

        // The page itself is kept out of caches by its anti-forgery token; the file, which has none, must say so too.
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", "clinikoidp-backup-codes.txt");
    }

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        var subject = await subjects.FindAsync();
        if (subject is null || subject.Pending is not null || !subject.User.HasAuthenticator)
        {
            return new SeeOtherResult("/my-security");
        }

        var codes = await store.RegenerateAsync(subject.User);
        await events.WriteAsync(SecurityEventKinds.BackupCodesRegenerated, SecurityEventOutcomes.Succeeded, subject.User);
        TempData[BackupCodeRoutes.TempDataKey] = string.Join(' ', codes);
        return new SeeOtherResult(LocalUrl.WithReturnUrl(BackupCodeRoutes.Show, ReturnUrl));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var subject = await subjects.FindAsync(allowExistingAuthenticatorWhenPending: true);
        if (subject is null || !Load(subject))
        {
            return new SeeOtherResult(SignInRoutes.SignIn);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData.Remove(BackupCodeRoutes.TempDataKey);
        if (subject.Pending is { } state && state.Methods.Contains(Amr.MultipleFactor))
        {
            return new SeeOtherResult(await journey.CompleteAsync(state, [], LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl : null));
        }

        return new SeeOtherResult(LocalUrl.OrHome(ReturnUrl ?? "/my-security"));
    }

    private bool Load(EnrolmentSubjectState subject)
    {
        if (TempData.Peek(BackupCodeRoutes.TempDataKey) is not string joined || joined.Length == 0)
        {
            return false;
        }

        Codes = joined.Split(' ');
        Email = subject.User.Email ?? "";
        Generated = time.GetUtcNow().ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return true;
    }
}
