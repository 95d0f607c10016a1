using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>What the create and edit scope pages share: the form and its checks.</summary>
public abstract class ScopeFormPage(IOpenIddictScopeManager scopes) : PageModel
{
    /// <summary>OpenIddict's scope manager, for the pages built on this one.</summary>
    protected IOpenIddictScopeManager ScopeManager { get; } = scopes;

    [BindProperty]
    public ScopeInput Input { get; set; } = new();

    public abstract bool IsNew { get; }

    /// <summary>Adds a field error for each problem; <paramref name="currentName"/> is the scope being edited, if any.</summary>
    protected async Task CheckAsync(string? currentName)
    {
        var name = Input.Name.Trim();
        if (ScopeRules.CheckName(name) is { } problem)
        {
            ModelState.AddModelError("Input.Name", problem);
        }
        else if (name != currentName && await ScopeManager.FindByNameAsync(name, HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError("Input.Name", $"A scope named '{name}' already exists.");
        }

        var resources = Input.ResourceLines();
        if (resources.Count > ScopeRules.MaxResources)
        {
            ModelState.AddModelError("Input.Resources", $"Give at most {ScopeRules.MaxResources} resources, one per line.");
        }
        else if (resources.Select(ScopeRules.CheckResource).FirstOrDefault(p => p is not null) is { } bad)
        {
            ModelState.AddModelError("Input.Resources", bad);
        }
    }

    protected void Describe(OpenIddictScopeDescriptor descriptor)
    {
        descriptor.Name = Input.Name.Trim();
        descriptor.DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? descriptor.Name : Input.DisplayName.Trim();
        descriptor.Resources.Clear();
        descriptor.Resources.UnionWith(Input.ResourceLines());
    }
}
