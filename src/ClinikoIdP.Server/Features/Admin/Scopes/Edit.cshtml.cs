using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>
/// Changes a scope's display name and APIs; renames it only while no app is allowed it, because apps ask for a
/// scope by name and a rename would silently break them.
/// </summary>
public sealed class EditScopeModel(IOpenIddictScopeManager scopes, IOpenIddictApplicationManager applications, AdminAudit audit)
    : ScopeFormPage(scopes)
{
    public override bool IsNew => false;

    public string CurrentName { get; private set; } = "";

    public IReadOnlyList<ScopeUser> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name)
    {
        if (await LoadAsync(name) is not { } descriptor)
        {
            return NotFound();
        }

        Input = new ScopeInput { Name = descriptor.Name ?? "", DisplayName = descriptor.DisplayName, Resources = string.Join('\n', descriptor.Resources) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await LoadAsync(name) is not { } before)
        {
            return NotFound();
        }

        await CheckAsync(CurrentName);
        if (Input.Name.Trim() != CurrentName && UsedBy.Count > 0)
        {
            ModelState.AddModelError("Input.Name",
                $"Apps are allowed this scope and ask for it by name: {ScopeUsage.Names(UsedBy)}. Take it away from them first, or keep the name.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = (await ScopeManager.FindByNameAsync(CurrentName, cancellationToken))!;
        var after = new OpenIddictScopeDescriptor();
        await ScopeManager.PopulateAsync(after, scope, cancellationToken);
        Describe(after);
        try
        {
            await ScopeManager.UpdateAsync(scope, after, cancellationToken);
        }
        catch (Exception failed) when (failed is OpenIddictExceptions.ConcurrencyException or DbUpdateException or ValidationException)
        {
            ModelState.AddModelError("", "Someone else changed this scope at the same moment. Reload the page and make your change again.");
            return Page();
        }

        await audit.WriteAsync(SecurityEventKinds.AdminScopeUpdated, detail: ScopeChanges.DescribeChanges(before, after));
        AdminFlash.Set(TempData, $"Saved the scope {after.Name}.");
        return new SeeOtherResult(ScopeRoutes.List);
    }

    private async Task<OpenIddictScopeDescriptor?> LoadAsync(string name)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ScopeLookup.FindAsync(ScopeManager, name, cancellationToken) is not { } scope)
        {
            return null;
        }

        var descriptor = new OpenIddictScopeDescriptor();
        await ScopeManager.PopulateAsync(descriptor, scope, cancellationToken);
        CurrentName = descriptor.Name ?? "";
        UsedBy = await ScopeUsage.ClientsAllowedAsync(applications, CurrentName, cancellationToken);
        return descriptor;
    }
}
