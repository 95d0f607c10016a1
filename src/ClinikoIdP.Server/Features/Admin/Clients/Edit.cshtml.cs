using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// Changes an app's settings (not its client id). Invalid input changes nothing. When a public app becomes a web or
/// machine-to-machine app its new secret is shown on this response, as at registration.
/// </summary>
public sealed class EditClientModel(
    IOpenIddictApplicationManager applications, ClientRegistrar registrar, IOpenIddictScopeManager scopes,
    IOptions<IdpOptions> idp, AdminAudit audit) : ClientFormPage(scopes, idp.Value)
{
    public override bool IsNew => false;

    public RegisteredClient Client { get; private set; } = null!;

    public SecretOnce? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(string clientId)
    {
        if (await ClientLookup.FindAsync(applications, clientId, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        Client = found.Client;
        Input = ClientInput.From(Client);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ClientLookup.FindAsync(applications, clientId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Client = found.Client;
        Input.ClientId = Client.ClientId;
        CheckForm();
        var registration = Input.ToRegistration(Client.ClientId);
        if (registration.Interactive && Client.Registration is { ClientCredentials: true, Interactive: true })
        {
            // A web app the command line also allowed client credentials keeps that grant: the form does not offer it.
            registration = registration with { ClientCredentials = registration.Kind == ClientKind.Confidential };
        }

        ShowProblems(await registrar.CheckAsync(registration, isNew: false, cancellationToken));
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        string? secret;
        try
        {
            secret = await registrar.UpdateAsync(Client.ClientId, registration, cancellationToken);
        }
        catch (Exception failed) when (failed is OperationRefusedException or OpenIddictExceptions.ConcurrencyException or ValidationException)
        {
            ModelState.AddModelError("", failed is OpenIddictExceptions.ConcurrencyException
                ? "Someone else changed this app at the same moment. Reload the page and make your change again."
                : "The app could not be saved: " + failed.Message.Split('\n')[0]);
            await LoadChoicesAsync();
            return Page();
        }

        var detail = ClientChanges.DescribeChanges(Client.Registration, registration);
        await audit.WriteAsync(SecurityEventKinds.AdminClientUpdated, detail: secret is null ? detail : detail + "; new secret issued", clientId: Client.ClientId);
        if (secret is null)
        {
            AdminFlash.Set(TempData, $"Saved {registration.DisplayName}.");
            return new SeeOtherResult(ClientRoutes.Details(Client.ClientId));
        }

        ForbidCaching();
        Issued = new SecretOnce(Client.ClientId, registration.DisplayName ?? Client.ClientId, secret, "Copy the new client secret now");
        return Page();
    }
}
