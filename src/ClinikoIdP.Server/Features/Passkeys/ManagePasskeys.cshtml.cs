using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountNotifications;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>A person's passkeys: listed with when each was added and last used; added, renamed and removed.</summary>
[Authorize]
public sealed class ManagePasskeysModel(
    UserManager<ClinicUser> users,
    PasskeyCredentials credentials,
    PasskeyRegistration registration,
    PasskeyAccess access,
    PendingSignIn pending,
    OrganisationSecurity security,
    SecurityEventWriter events,
    TimeProvider time) : PageModel
{
    public IReadOnlyList<PasskeySummary> Passkeys { get; private set; } = [];

    public bool RecentlyVerified { get; private set; }

    /// <summary>The person has a second factor to confirm with (an authenticator or a passkey).</summary>
    public bool CanVerify { get; private set; }

    public bool AtLimit => Passkeys.Count >= PasskeyCredentials.MaxPerPerson;

    /// <summary>The passkey the person asked to remove, shown for confirmation.</summary>
    public PasskeySummary? Removing { get; private set; }

    public string SuggestedName { get; private set; } = "";

    public string CreationOptionsUrl => PasskeyRoutes.Handler(PasskeyRoutes.Manage, PasskeyRoutes.CreationOptionsHandler);

    public string RegisterUrl => PasskeyRoutes.Handler(PasskeyRoutes.Manage, PasskeyRoutes.RegisterHandler);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? remove)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return new SeeOtherResult(SignInRoutes.SignIn);
        }

        Passkeys = await credentials.ListAsync(user);
        RecentlyVerified = access.IsRecentlyVerified(User);
        CanVerify = user.HasAuthenticator || Passkeys.Count > 0;
        Removing = RecentlyVerified ? Passkeys.FirstOrDefault(p => p.Id == remove) : null;
        SuggestedName = UserAgentDescription.Describe(Request.Headers.UserAgent.ToString()) ?? "My passkey";
        return Page();
    }

    /// <summary>Asks for the second factor again (the last one is too old), then comes back here.</summary>
    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !(user.HasAuthenticator || await credentials.HasAnyAsync(user)))
        {
            return new SeeOtherResult(PasskeyRoutes.Manage);
        }

        await pending.BeginAsync(user, User.GetAuthenticationMethods(), time.GetUtcNow(), User.GetSessionId());
        return new SeeOtherResult(LocalUrl.WithReturnUrl(SignInJourney.SecondFactorPath, PasskeyRoutes.Manage));
    }

    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await RecentlyVerifiedUserAsync() is not { } user)
        {
            return PasskeyJson.Error(PasskeyMessages.VerifyFirst, StatusCodes.Status403Forbidden);
        }

        return await registration.BeginAsync(user) is { } options
            ? PasskeyJson.Options(options)
            : PasskeyJson.Error(PasskeyMessages.TooMany);
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        if (await RecentlyVerifiedUserAsync() is not { } user)
        {
            return PasskeyJson.Error(PasskeyMessages.VerifyFirst, StatusCodes.Status403Forbidden);
        }

        using var body = await PasskeyRequestBody.ReadAsync(Request);
        if (body is null || PasskeyRequestBody.ObjectProperty(body, "credential") is not { } credential)
        {
            return PasskeyJson.Error(PasskeyMessages.Malformed);
        }

        var name = PasskeyRequestBody.StringProperty(body, "name");
        if (PasskeyName.Problem(name) is { } problem)
        {
            return PasskeyJson.Error(problem);
        }

        if (await registration.CompleteAsync(user, credential, PasskeyName.Clean(name)) is { } error)
        {
            return PasskeyJson.Error(error);
        }

        Message = $"Passkey \"{PasskeyName.Clean(name)}\" added. Next time you sign in, you can use it instead of a code.";
        return PasskeyJson.Next(PasskeyRoutes.Manage);
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id, string? name)
    {
        if (await RecentlyVerifiedUserAsync() is not { } user)
        {
            Message = PasskeyMessages.VerifyFirst;
            return new SeeOtherResult(PasskeyRoutes.Manage);
        }

        var passkey = await credentials.FindAsync(user, id);
        if (passkey is null)
        {
            Message = PasskeyMessages.NotFound;
        }
        else if (PasskeyName.Problem(name) is { } problem)
        {
            Message = problem;
        }
        else
        {
            await credentials.RenameAsync(user, passkey, PasskeyName.Clean(name));
            Message = $"Renamed to \"{PasskeyName.Clean(name)}\".";
        }

        return new SeeOtherResult(PasskeyRoutes.Manage);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await RecentlyVerifiedUserAsync() is not { } user)
        {
            Message = PasskeyMessages.VerifyFirst;
            return new SeeOtherResult(PasskeyRoutes.Manage);
        }

        var passkey = await credentials.FindAsync(user, id);
        if (passkey is null)
        {
            Message = PasskeyMessages.NotFound;
            return new SeeOtherResult(PasskeyRoutes.Manage);
        }

        // The last second factor stays while the clinic requires two-step verification.
        if (!user.HasAuthenticator && await credentials.CountAsync(user) <= 1
            && await security.RequiresTwoFactorAsync(HttpContext.RequestAborted))
        {
            Message = PasskeyMessages.LastFactorRequired;
            return new SeeOtherResult(PasskeyRoutes.Manage);
        }

        await credentials.RemoveAsync(user, passkey);
        await events.WriteAsync(SecurityEventKinds.PasskeyRemoved, SecurityEventOutcomes.Succeeded, user, passkey.Name);
        Message = $"Passkey \"{passkey.Name}\" removed. It can no longer be used to sign in.";
        return new SeeOtherResult(PasskeyRoutes.Manage);
    }

    private async Task<ClinicUser?> RecentlyVerifiedUserAsync() =>
        access.IsRecentlyVerified(User) ? await users.GetUserAsync(User) : null;
}
