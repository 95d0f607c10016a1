using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Events written by a version before the audit chain (no sequence, no hash) are sealed into it, oldest first, when an
/// upgraded server starts; once the chain exists, a row without a hash is damage, not something to seal.
/// </summary>
public sealed class AuditChainSealingTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.CreateTemporary();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task EarlierEventsAreSealedInTheOrderTheyWereWrittenWhenTheServerStarts()
    {
        await using (var before = IdpFactory.On(database))
        {
            await before.QueryAsync(db =>
            {
                foreach (var (kind, at) in new[] { ("sign_in", -3), ("second_factor", -2), ("sign_out", -1) })
                {
                    db.SecurityEvents.Add(new SecurityEventRecord
                    {
                        OccurredAt = AuditEventHash.NormalizeTime(before.Clock.GetUtcNow().AddHours(at)),
                        Kind = kind,
                        Outcome = SecurityEventOutcomes.Succeeded,
                        Detail = "written before the chain",
                    });
                }

                return db.SaveChangesAsync();
            });
        }

        await using var upgraded = IdpFactory.On(database);
        _ = upgraded.Server;

        var sealedEvents = await upgraded.QueryAsync(db => db.SecurityEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([1L, 2L, 3L], sealedEvents.Select(e => e.Sequence!.Value));
        Assert.Equal(["sign_in", "second_factor", "sign_out"], sealedEvents.Select(e => e.Kind));
        var report = await AuditTestEvents.VerifyAsync(upgraded);
        Assert.True(report.IsIntact, report.Break?.Description);
        Assert.Equal(3, report.Count);
    }

    [Fact]
    public async Task OnceTheChainExistsARowWithoutAHashIsReportedNotSealed()
    {
        await using (var first = IdpFactory.On(database))
        {
            await AuditTestEvents.WriteSeveralAsync(first, "chained", 2);
            await first.QueryAsync(db =>
            {
                db.SecurityEvents.Add(new SecurityEventRecord { Kind = "sign_in", Outcome = SecurityEventOutcomes.Succeeded, Detail = "unsealed" });
                return db.SaveChangesAsync();
            });
        }

        await using var restarted = IdpFactory.On(database);
        _ = restarted.Server;

        var unsealed = (await AuditTestEvents.MarkedAsync(restarted, "unsealed")).Single();
        Assert.Null(unsealed.Sequence);
        var report = await AuditTestEvents.VerifyAsync(restarted);
        Assert.Equal(AuditChainProblem.Inserted, report.Break?.Problem);
        Assert.Equal(unsealed.Id, report.Break?.EventId);
    }
}
