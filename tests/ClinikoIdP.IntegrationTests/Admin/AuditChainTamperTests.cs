using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Someone with the database file changes the audit trail behind ClinikoIdP's back: the console and
/// <c>admin audit verify</c> name the first damaged event. Each test damages its own server's database.
/// </summary>
public sealed class AuditChainTamperTests : IDisposable
{
    // One hour in the stored form of a time: tenths of milliseconds shifted past the 11 bits of the offset.
    private const long OneHourStored = 36_000_000L << 11;

    private readonly IdpFactory factory = new();

    public void Dispose() => factory.Dispose();

    public static TheoryData<string, string> Edits => new()
    {
        { "Detail", "UPDATE SecurityEvents SET Detail = 'nothing to see' WHERE Id = {0}" },
        { "Outcome", "UPDATE SecurityEvents SET Outcome = 'failed' WHERE Id = {0}" },
        { "OccurredAt", $"UPDATE SecurityEvents SET OccurredAt = OccurredAt - {OneHourStored} WHERE Id = {{0}}" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task AnEditedEventIsReportedAtItsSequence(string field, string sql)
    {
        var events = await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId(field), 5);
        var target = events[2];

        Assert.Equal(1, await AuditTestEvents.TamperAsync(factory, sql, target.Id));

        await AssertBrokenAtAsync(target, "its contents no longer match its hash");
    }

    [Fact]
    public async Task ADeletedEventIsReportedAsAGapBeforeTheNextOne()
    {
        var events = await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("gap"), 5);

        await AuditTestEvents.TamperAsync(factory, "DELETE FROM SecurityEvents WHERE Id = {0}", events[2].Id);

        await AssertBrokenAtAsync(events[3], $"event #{events[2].Sequence} before it is missing");
    }

    [Fact]
    public async Task AnEventRewrittenWithItsOwnHashRecomputedBreaksTheLinkFromTheNextOne()
    {
        var events = await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("rehashed"), 4);
        var forged = events[1];
        forged.Detail = "a forged detail";
        var forgedHash = AuditEventHash.Compute(forged);

        await AuditTestEvents.TamperAsync(factory, "UPDATE SecurityEvents SET Detail = {0}, Hash = {1} WHERE Id = {2}",
            forged.Detail, forgedHash, forged.Id);

        await AssertBrokenAtAsync(events[2], $"it does not link to event #{forged.Sequence}");
    }

    [Fact]
    public async Task ARowInsertedDirectlyIntoTheTableIsReportedAsOutsideTheChain()
    {
        await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("inserted"), 2);

        await AuditTestEvents.TamperAsync(factory,
            "INSERT INTO SecurityEvents (OccurredAt, Kind, Outcome, Detail) VALUES (0, 'sign_in', 'succeeded', 'planted')");

        var planted = (await AuditTestEvents.MarkedAsync(factory, "planted")).Single();
        var result = await factory.AdminAsync("audit", "verify");
        CliAssert.Failed(result, 1, $"audit trail broken at event id {planted.Id}: it is not part of the chain");
    }

    [Fact]
    public async Task RowsSwappedInTheTableAreReportedAsReordered()
    {
        var events = await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("swapped"), 4);
        var (first, second) = (events[1], events[2]);

        // Swap two rows' ids, contents and chain fields intact: the chain order no longer follows the insert order.
        await AuditTestEvents.TamperAsync(factory, "UPDATE SecurityEvents SET Id = -1 WHERE Id = {0}", first.Id);
        await AuditTestEvents.TamperAsync(factory, "UPDATE SecurityEvents SET Id = {0} WHERE Id = {1}", first.Id, second.Id);
        await AuditTestEvents.TamperAsync(factory, "UPDATE SecurityEvents SET Id = {0} WHERE Id = -1", second.Id);

        var result = await factory.AdminAsync("audit", "verify");
        CliAssert.Failed(result, 1, $"audit trail broken at event #{second.Sequence} (id {first.Id}): it is stored before event #{first.Sequence}");
    }

    [Fact]
    public async Task AWholeChainRecomputedAfterAnEditVerifiesButLosesTheHeadNotedEarlier()
    {
        await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("rewritten"), 4);
        var noted = await AuditTestEvents.VerifyAsync(factory);

        await factory.QueryAsync(async db =>
        {
            var chain = await db.SecurityEvents.OrderBy(e => e.Sequence).ToListAsync();
            chain[1].Detail = "history rewritten";
            var previous = "";
            foreach (var entry in chain)
            {
                entry.PreviousHash = previous;
                entry.Hash = previous = AuditEventHash.Compute(entry);
            }

            return await db.SaveChangesAsync();
        });

        Assert.StartsWith("Audit trail intact", await factory.AdminOkAsync("audit", "verify"), StringComparison.Ordinal);
        CliAssert.Failed(await factory.AdminAsync("audit", "verify", "--expect-head", noted.HeadHash), 1, "no longer in the chain");
    }

    /// <summary>Both the command line and the console (panel, dashboard tile, link to the event) name the damaged event.</summary>
    private async Task AssertBrokenAtAsync(SecurityEventRecord damaged, string problem)
    {
        var result = await factory.AdminAsync("audit", "verify");
        CliAssert.Failed(result, 1, $"audit trail broken at event #{damaged.Sequence} (id {damaged.Id}): {problem}");

        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync(AdminRoutes.Audit);
        var panel = page.Document.QuerySelector("[data-chain]")!;
        Assert.Equal("broken", panel.GetAttribute("data-chain"));
        Assert.Equal($"{damaged.Sequence}", panel.QuerySelector("[data-chain-break]")!.GetAttribute("data-chain-break"));
        Assert.Contains(problem, panel.TextContent, StringComparison.Ordinal);

        var link = panel.QuerySelector("[data-break-link]")!.GetAttribute("href")!;
        var shown = await console.OpenAsync(link);
        var row = shown.Document.QuerySelector("tr[aria-current='true']")!;
        Assert.Equal($"event-{damaged.Id}", row.Id);

        var dashboard = await console.OpenAsync(AdminRoutes.Dashboard);
        Assert.Equal("Broken", dashboard.Document.QuerySelector("[data-tile='audit-chain'] .tile-figure")!.TextContent.Trim());
    }
}
