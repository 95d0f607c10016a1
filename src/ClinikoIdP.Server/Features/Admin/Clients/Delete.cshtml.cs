using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// Asks before deleting an app, saying what goes with it: OpenIddict's store deletes the app's authorizations and
/// tokens together with the app, so every refresh token it holds stops working at once.
/// </summary>
public sealed class DeleteClientModel(
    IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, ClientRegistrar registrar, AdminAudit audit) : PageModel
{
    public RegisteredClient Client { get; private set; } = null!;

    public int ValidTokens { get; private set; }

    public async Task<IActionResult> OnGetAsync(string clientId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ClientLookup.FindAsync(applications, clientId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Client = found.Client;
        var applicationId = await applications.GetIdAsync(found.Application, cancellationToken);
        await foreach (var token in tokens.FindByApplicationIdAsync(applicationId!, cancellationToken))
        {
            if (await tokens.HasStatusAsync(token, Statuses.Valid, cancellationToken))
            {
                ValidTokens++;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ClientLookup.FindAsync(applications, clientId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        try
        {
            await registrar.DeleteAsync(found.Client.ClientId, cancellationToken);
        }
        catch (Exception gone) when (gone is OperationRefusedException or OpenIddictExceptions.ConcurrencyException)
        {
            AdminFlash.Set(TempData, $"{found.Client.DisplayName} was changed or deleted by someone else at the same moment. Check the list.");
            return new SeeOtherResult(ClientRoutes.List);
        }

        await audit.WriteAsync(SecurityEventKinds.AdminClientDeleted,
            detail: $"Deleted {ClientTypeNames.Label(ClientTypeNames.Of(found.Client.Registration))} '{found.Client.DisplayName}' and revoked its tokens",
            clientId: found.Client.ClientId);
        AdminFlash.Set(TempData, $"Deleted {found.Client.DisplayName}; every token issued to it is revoked.");
        return new SeeOtherResult(ClientRoutes.List);
    }
}
