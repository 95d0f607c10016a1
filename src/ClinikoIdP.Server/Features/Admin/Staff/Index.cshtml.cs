using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>The staff list: search by name or email, filter (locked, without two-step verification, administrators), pages.</summary>
public sealed class StaffListModel(StaffDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "filter")]
    public string? Filter { get; set; }

    // "page" is taken: Razor Pages keeps the page's own name in that route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public StaffListing Listing { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        if (Search is { Length: > StaffDirectory.MaxSearchLength })
        {
            Search = Search[..StaffDirectory.MaxSearchLength];
        }

        Filter = StaffFilters.IsKnown(Filter) ? Filter : null;
        Listing = await directory.SearchAsync(Search, Filter, PageNumber, cancellationToken);
    }

    /// <summary>This list's address with another filter or page, keeping the search.</summary>
    public string ListUrl(string? filter, int page = 1)
    {
        var query = QueryString.Empty;
        if (Search is not null)
        {
            query = query.Add("q", Search);
        }

        if (filter is not null)
        {
            query = query.Add("filter", filter);
        }

        if (page > 1)
        {
            query = query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return StaffRoutes.List + query;
    }

    public string? CurrentFilter(string? filter) => Filter == filter ? "true" : null;
}
