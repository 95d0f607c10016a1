using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// Registers a clinic app. A web or machine-to-machine app gets a generated secret, shown on this very response
/// (never stored, never put in TempData, not cached); a public app goes straight to its page.
/// </summary>
public sealed partial class NewClientModel(
    ClientRegistrar registrar, IOpenIddictScopeManager scopes, IOptions<IdpOptions> idp, AdminAudit audit)
    : ClientFormPage(scopes, idp.Value)
{
    public override bool IsNew => true;

    public SecretOnce? Created { get; private set; }

    public async Task OnGetAsync()
    {
        Input = ClientInput.ForNewApp();
        await LoadChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var clientId = Input.ClientId?.Trim() ?? "";
        if (!ClientIdPattern().IsMatch(clientId))
        {
            ModelState.AddModelError("Input.ClientId", "Choose a client id of letters, digits, dots, dashes or underscores (it appears in web addresses).");
        }
        else if (clientId.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.ClientId", "'new' is reserved by the console; choose another client id.");
        }

        CheckForm();
        var registration = Input.ToRegistration(clientId);
        ShowProblems(await registrar.CheckAsync(registration, isNew: true, cancellationToken));
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        string? secret;
        try
        {
            secret = await registrar.CreateAsync(registration, cancellationToken);
        }
        catch (Exception refused) when (refused is OperationRefusedException or DbUpdateException)
        {
            // Another administrator registered the same id a moment ago.
            ModelState.AddModelError("Input.ClientId", $"A client with id '{clientId}' already exists.");
            await LoadChoicesAsync();
            return Page();
        }
        catch (ValidationException invalid)
        {
            ModelState.AddModelError("", "The app could not be registered: " + invalid.Message.Split('\n')[0]);
            await LoadChoicesAsync();
            return Page();
        }

        await audit.WriteAsync(SecurityEventKinds.AdminClientCreated, detail: ClientChanges.DescribeNew(registration), clientId: clientId);
        if (secret is null)
        {
            AdminFlash.Set(TempData, $"Registered {registration.DisplayName}.");
            return new SeeOtherResult(ClientRoutes.Details(clientId));
        }

        ForbidCaching();
        Created = new SecretOnce(clientId, registration.DisplayName ?? clientId, secret, "Copy the client secret now");
        return Page();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ClientIdPattern();
}
