using System.Globalization;
using System.Text;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Audit;

/// <summary>
/// The audit trail: every security event and administrative change, newest first, filtered and paged, with the
/// state of the tamper-evident chain above it and a CSV export of the current filter.
/// </summary>
public sealed class AuditTrailModel(
    IdpDbContext db, UserManager<ClinicUser> users, AdminAudit audit, TimeProvider time) : PageModel
{
    public AuditFilter Filter { get; private set; } = AuditFilter.Read(QueryCollection.Empty);

    public AuditChainReport Chain { get; private set; } = new(0, "", 0, null);

    /// <summary>The head hash an auditor noted earlier and asked to check (<c>?anchor=</c>), as typed.</summary>
    public string AnchorText { get; private set; } = "";

    public IReadOnlyList<SecurityEventRecord> Events { get; private set; } = [];

    public AuditPeople People { get; private set; } = new(new Dictionary<string, string?>());

    /// <summary>The account the user filter named, when it names one.</summary>
    public ClinicUser? FilterAccount { get; private set; }

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>The event the chain panel linked to (<c>?event=ID</c>): its page is shown with the row marked.</summary>
    public long? FocusId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = AuditFilter.Read(Request.Query);
        if (Request.Query.ContainsKey("event"))
        {
            if (!long.TryParse(Request.Query["event"], NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)
                || await PageOfAsync(eventId, cancellationToken) is not { } page)
            {
                return NotFound();
            }

            (FocusId, Filter) = (eventId, AuditFilter.AllOnPage(page));
        }

        await VerifyChainAsync(cancellationToken);
        foreach (var (field, message) in Filter.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (Filter.Errors.Count == 0)
        {
            await ListAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Filter = AuditFilter.Read(Request.Query);
        if (Filter.Errors.Count > 0)
        {
            return await OnGetAsync(cancellationToken);
        }

        FilterAccount = await FindAccountAsync(Filter.User);
        var matching = Filter.Apply(db.SecurityEvents.AsNoTracking(), FilterAccount?.Id);
        var total = await matching.CountAsync(cancellationToken);
        var exported = Math.Min(total, AuditCsv.MaxRows);
        await audit.WriteAsync(SecurityEventKinds.AdminAuditExported, FilterAccount,
            $"CSV of {Filter.Describe()}: {exported} events" + (total > exported ? $" (cut short; {total} matched)" : ""));

        var people = await AuditPeople.LoadEveryoneAsync(db, cancellationToken);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"clinikoidp-audit-{time.GetUtcNow():yyyy-MM-dd}.csv");
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        Response.Headers.CacheControl = "no-store";

        // A byte-order mark, so that spreadsheet programs read the names and details as UTF-8.
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(AuditCsv.Line(AuditCsv.Header));
        await foreach (var entry in matching.Take(AuditCsv.MaxRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(AuditCsv.Line(AuditCsv.Cells(entry, people)));
        }

        return new EmptyResult();
    }

    private async Task VerifyChainAsync(CancellationToken cancellationToken)
    {
        AnchorText = Request.Query["anchor"].ToString().Trim();
        if (AnchorText.Length > 0 && !AuditEventHash.IsWellFormed(AnchorText))
        {
            ModelState.AddModelError("anchor", "A head hash is 64 hexadecimal digits, as shown above.");
            Chain = await AuditChainVerifier.VerifyAsync(db, cancellationToken: cancellationToken);
            return;
        }

        Chain = await AuditChainVerifier.VerifyAsync(db, AnchorText.Length > 0 ? AnchorText : null, cancellationToken);
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        FilterAccount = await FindAccountAsync(Filter.User);
        var matching = Filter.Apply(db.SecurityEvents.AsNoTracking(), FilterAccount?.Id);
        Total = await matching.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
        PageNumber = Math.Min(Filter.Page, PageCount);
        Events = await matching.Skip((PageNumber - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(cancellationToken);
        People = await AuditPeople.LoadAsync(db, Events.SelectMany(e => new[] { e.UserId, e.ActorId }), cancellationToken);
    }

    /// <summary>The page of the unfiltered list that holds the event, or null when there is no such event.</summary>
    private async Task<int?> PageOfAsync(long eventId, CancellationToken cancellationToken)
    {
        if (!await db.SecurityEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return null;
        }

        var newer = await db.SecurityEvents.CountAsync(e => e.Id > eventId, cancellationToken);
        return (newer / AuditFilter.PageSize) + 1;
    }

    private async Task<ClinicUser?> FindAccountAsync(string? idOrEmail) =>
        idOrEmail is null ? null : await users.FindByIdAsync(idOrEmail) ?? await users.FindByEmailAsync(idOrEmail);
}
