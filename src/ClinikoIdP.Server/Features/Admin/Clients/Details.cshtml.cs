using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>One app: how to connect it, its settings, and turning it off or on (reversible, so no confirmation page).</summary>
public sealed class ClientDetailsModel(
    IOpenIddictApplicationManager applications, ClientRegistrar registrar, IOptions<IdpOptions> idp, AdminAudit audit) : PageModel
{
    public RegisteredClient Client { get; private set; } = null!;

    public ClientType Type { get; private set; }

    public ConnectionInfo Connection { get; private set; } = null!;

    public TimeSpan AccessTokenLifetime { get; private set; }

    public async Task<IActionResult> OnGetAsync(string clientId)
    {
        if (await ClientLookup.FindAsync(applications, clientId, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        Client = found.Client;
        Type = ClientTypeNames.Of(Client.Registration);
        Connection = ConnectionInfo.For(Request, idp.Value);
        AccessTokenLifetime = Client.Registration.AccessTokenLifetime ?? idp.Value.AccessTokenLifetime;
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string clientId) => SetEnabledAsync(clientId, enabled: false);

    public Task<IActionResult> OnPostEnableAsync(string clientId) => SetEnabledAsync(clientId, enabled: true);

    private async Task<IActionResult> SetEnabledAsync(string clientId, bool enabled)
    {
        if (await ClientLookup.FindAsync(applications, clientId, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        var client = found.Client;
        if (client.Enabled != enabled)
        {
            try
            {
                await registrar.SetEnabledAsync(client.ClientId, enabled, HttpContext.RequestAborted);
            }
            catch (OpenIddictExceptions.ConcurrencyException)
            {
                AdminFlash.Set(TempData, $"{client.DisplayName} was changed by someone else at the same moment. Check it and try again.");
                return new SeeOtherResult(ClientRoutes.Details(client.ClientId));
            }

            await audit.WriteAsync(enabled ? SecurityEventKinds.AdminClientEnabled : SecurityEventKinds.AdminClientDisabled,
                detail: enabled ? "Turned the app on" : "Turned the app off: sign-ins and token requests refused", clientId: client.ClientId);
        }

        AdminFlash.Set(TempData, enabled
            ? $"{client.DisplayName} is on: staff can sign in to it again."
            : $"{client.DisplayName} is off: new sign-ins and token requests are refused.");
        return new SeeOtherResult(ClientRoutes.Details(client.ClientId));
    }
}
