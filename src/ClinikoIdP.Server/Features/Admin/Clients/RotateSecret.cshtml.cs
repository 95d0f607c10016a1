using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// Replaces a web or machine-to-machine app's secret after a confirmation. The new secret appears on the POST's own
/// response, marked not to be stored by any cache, and nowhere else: not in TempData, the log or the audit trail.
/// </summary>
public sealed class RotateSecretModel(
    IOpenIddictApplicationManager applications, ClientRegistrar registrar, AdminAudit audit) : PageModel
{
    public RegisteredClient Client { get; private set; } = null!;

    public SecretOnce? Rotated { get; private set; }

    public async Task<IActionResult> OnGetAsync(string clientId)
    {
        if (await FindAsync(clientId) is not { } client)
        {
            return NotFound();
        }

        Client = client;
        return client.Registration.Kind == ClientKind.Public ? new SeeOtherResult(ClientRoutes.Details(client.ClientId)) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId)
    {
        if (await FindAsync(clientId) is not { } client)
        {
            return NotFound();
        }

        Client = client;
        if (client.Registration.Kind == ClientKind.Public)
        {
            AdminFlash.Set(TempData, $"{client.DisplayName} is a public app: it has no secret to rotate.");
            return new SeeOtherResult(ClientRoutes.Details(client.ClientId));
        }

        string secret;
        try
        {
            secret = await registrar.RotateSecretAsync(client.ClientId, HttpContext.RequestAborted);
        }
        catch (Exception failed) when (failed is OperationRefusedException or OpenIddictExceptions.ConcurrencyException)
        {
            AdminFlash.Set(TempData, $"The secret of {client.DisplayName} was not changed: someone else changed the app at the same moment. Try again.");
            return new SeeOtherResult(ClientRoutes.Details(client.ClientId));
        }

        await audit.WriteAsync(SecurityEventKinds.AdminClientSecretRotated, detail: "Replaced the client secret; the old one no longer works",
            clientId: client.ClientId);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        Rotated = new SecretOnce(client.ClientId, client.DisplayName, secret, "Copy the new client secret now");
        return Page();
    }

    private async Task<RegisteredClient?> FindAsync(string clientId) =>
        (await ClientLookup.FindAsync(applications, clientId, HttpContext.RequestAborted))?.Client;
}
