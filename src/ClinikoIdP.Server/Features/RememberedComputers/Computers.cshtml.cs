using System.Globalization;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.MySecurity;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// The person's remembered computers: where the second factor is skipped, and forgetting them one by one or all at
/// once. Forgetting only takes trust away, so it needs no fresh second factor; each asks for a confirmation first.
/// </summary>
[Authorize]
public sealed class ComputersModel(
    UserManager<ClinicUser> users,
    RememberedComputerList computers,
    RememberedComputerSignIn signIn,
    RememberedComputerCookie cookie,
    SecurityEventWriter events,
    ILogger<ComputersModel> logger) : PageModel
{
    public const string ConfirmAll = "all";

    public IReadOnlyList<RememberedComputerRecord> Computers { get; private set; } = [];

    /// <summary>The remembered computer this browser is, if any.</summary>
    public long? ThisComputerId { get; private set; }

    public int? OfferedDays { get; private set; }

    /// <summary>The computer (or "all") a forget button asked about, awaiting confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public RememberedComputerRecord? ConfirmingOne { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return new SeeOtherResult(SignInRoutes.SignIn);
        }

        var cancellationToken = HttpContext.RequestAborted;
        Computers = await computers.ListLiveAsync(user.Id, cancellationToken);
        ThisComputerId = await signIn.ThisComputerIdAsync(user, cancellationToken);
        OfferedDays = await signIn.OfferedDaysAsync(cancellationToken);
        ConfirmingOne = long.TryParse(Confirm, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Computers.FirstOrDefault(c => c.Id == id)
            : null;
        if (Confirm is not null && ConfirmingOne is null && (Confirm != ConfirmAll || Computers.Count == 0))
        {
            Confirm = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostForgetAsync(long id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return new SeeOtherResult(SignInRoutes.SignIn);
        }

        var thisComputer = await signIn.ThisComputerIdAsync(user, HttpContext.RequestAborted);
        var forgotten = await computers.ForgetAsync(user.Id, id, RememberedComputerReasons.ForgottenByPerson, HttpContext.RequestAborted);
        if (forgotten is null)
        {
            Message = "That computer isn't remembered any more.";
            return new SeeOtherResult(RememberedComputerRoutes.MyComputers);
        }

        if (forgotten.Id == thisComputer)
        {
            cookie.Delete(HttpContext, user.Id);
        }

        Log.ComputersForgotten(logger, user.Id, 1, RememberedComputerReasons.ForgottenByPerson);
        var name = RememberedComputerList.Describe(forgotten);
        await events.WriteAsync(SecurityEventKinds.ComputerForgotten, SecurityEventOutcomes.Succeeded, user, $"{name}, by the person");
        Message = $"{name} is forgotten: signing in there asks for your code again.";
        return new SeeOtherResult(RememberedComputerRoutes.MyComputers);
    }

    public async Task<IActionResult> OnPostForgetAllAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return new SeeOtherResult(SignInRoutes.SignIn);
        }

        var count = await computers.ForgetAllAsync(user.Id, RememberedComputerReasons.ForgottenByPerson, HttpContext.RequestAborted);
        cookie.Delete(HttpContext, user.Id);
        if (count > 0)
        {
            Log.ComputersForgotten(logger, user.Id, count, RememberedComputerReasons.ForgottenByPerson);
            await events.WriteAsync(SecurityEventKinds.ComputerForgotten, SecurityEventOutcomes.Succeeded, user,
                string.Create(CultureInfo.InvariantCulture, $"all {count}, by the person"));
        }

        Message = count == 0
            ? "No computer was remembered."
            : "Every computer is forgotten: signing in anywhere asks for your code again.";
        return new SeeOtherResult(RememberedComputerRoutes.MyComputers);
    }

    public static string When(DateTimeOffset value) =>
        value.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string BackToSecurity => MySecurityModel.Route;
}
