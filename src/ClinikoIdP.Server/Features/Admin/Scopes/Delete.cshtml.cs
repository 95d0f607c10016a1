using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>
/// Deletes a scope no app is allowed, after a confirmation. While apps are allowed it the page refuses and names
/// them: deleting it would leave them asking for a scope that no longer exists.
/// </summary>
public sealed class DeleteScopeModel(IOpenIddictScopeManager scopes, IOpenIddictApplicationManager applications, AdminAudit audit) : PageModel
{
    public string Name { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<ScopeUser> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string name)
    {
        if (await LoadAsync(name) is not { } scope)
        {
            return NotFound();
        }

        if (UsedBy.Count > 0)
        {
            ModelState.AddModelError("", $"The scope {Name} was not deleted: {ScopeUsage.Names(UsedBy)} {(UsedBy.Count == 1 ? "is" : "are")} allowed it.");
            return Page();
        }

        try
        {
            await scopes.DeleteAsync(scope, HttpContext.RequestAborted);
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this scope at the same moment. Reload the page and try again.");
            return Page();
        }

        await audit.WriteAsync(SecurityEventKinds.AdminScopeDeleted, detail: $"Deleted scope '{Name}'");
        AdminFlash.Set(TempData, $"Deleted the scope {Name}.");
        return new SeeOtherResult(ScopeRoutes.List);
    }

    private async Task<object?> LoadAsync(string name)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ScopeLookup.FindAsync(scopes, name, cancellationToken) is not { } scope)
        {
            return null;
        }

        Name = await scopes.GetNameAsync(scope, cancellationToken) ?? "";
        DisplayName = await scopes.GetDisplayNameAsync(scope, cancellationToken) ?? Name;
        UsedBy = await ScopeUsage.ClientsAllowedAsync(applications, Name, cancellationToken);
        return scope;
    }
}
