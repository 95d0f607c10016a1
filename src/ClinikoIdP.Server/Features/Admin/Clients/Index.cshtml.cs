using ClinikoIdP.Server.Features.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// Every registered app, searchable by name or client id and filtered by type or status. A clinic registers a
/// handful of apps, so they are read whole through the application manager and filtered here.
/// </summary>
public sealed class ClientListModel(IOpenIddictApplicationManager applications) : PageModel
{
    public const string OffFilter = "off";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Filter { get; set; }

    public IReadOnlyList<RegisteredClient> Clients { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var search = Search?.Trim() is { Length: > 0 and <= 100 } text ? text : null;
        var all = new List<RegisteredClient>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            all.Add(await RegisteredClient.ReadAsync(applications, application, cancellationToken));
        }

        Total = all.Count;
        Clients = [.. all
            .Where(c => search is null
                || c.ClientId.Contains(search, StringComparison.OrdinalIgnoreCase)
                || c.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(c => Filter switch
            {
                OffFilter => !c.Enabled,
                null or "" => true,
                _ => ClientTypeNames.Slug(ClientTypeNames.Of(c.Registration)) == Filter,
            })
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>The list's address with this filter, keeping the search.</summary>
    public string FilterUrl(string? filter)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Add("q=" + Uri.EscapeDataString(Search.Trim()));
        }

        if (filter is not null)
        {
            query.Add("type=" + filter);
        }

        return ClientRoutes.List + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
