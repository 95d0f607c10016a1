using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>Creates an API scope through OpenIddict's scope manager.</summary>
public sealed class NewScopeModel(IOpenIddictScopeManager scopes, AdminAudit audit) : ScopeFormPage(scopes)
{
    public override bool IsNew => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await CheckAsync(currentName: null);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var descriptor = new OpenIddictScopeDescriptor();
        Describe(descriptor);
        try
        {
            await ScopeManager.CreateAsync(descriptor, HttpContext.RequestAborted);
        }
        catch (Exception refused) when (refused is DbUpdateException or ValidationException)
        {
            // Another administrator created the same name a moment ago.
            ModelState.AddModelError("Input.Name", $"A scope named '{descriptor.Name}' already exists.");
            return Page();
        }

        await audit.WriteAsync(SecurityEventKinds.AdminScopeCreated, detail: ScopeChanges.DescribeNew(descriptor));
        AdminFlash.Set(TempData, $"Created the scope {descriptor.Name}. Allow it to the apps that call the API.");
        return new SeeOtherResult(ScopeRoutes.List);
    }
}
