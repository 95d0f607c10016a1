using ClinikoIdP.Server.Features.Admin.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>One API scope in the list: what it is called, which APIs its tokens are for, and which apps may ask for it.</summary>
public sealed record ScopeRow(string Name, string DisplayName, IReadOnlyList<string> Resources, IReadOnlyList<ScopeUser> UsedBy);

/// <summary>The API scopes apps may be allowed, searchable by name, display name or resource.</summary>
public sealed class ScopeListModel(IOpenIddictScopeManager scopes, IOpenIddictApplicationManager applications) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<ScopeRow> Scopes { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var usage = await ScopeUsage.ByScopeAsync(applications, cancellationToken);
        var search = Search?.Trim() is { Length: > 0 and <= 100 } text ? text : null;
        var rows = new List<ScopeRow>();
        await foreach (var scope in scopes.ListAsync(cancellationToken: cancellationToken))
        {
            var name = await scopes.GetNameAsync(scope, cancellationToken) ?? "";
            rows.Add(new ScopeRow(name, await scopes.GetDisplayNameAsync(scope, cancellationToken) ?? name,
                [.. await scopes.GetResourcesAsync(scope, cancellationToken)], [.. usage[name]]));
        }

        Total = rows.Count;
        Scopes = [.. rows
            .Where(r => search is null
                || r.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.Resources.Any(x => x.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }
}
