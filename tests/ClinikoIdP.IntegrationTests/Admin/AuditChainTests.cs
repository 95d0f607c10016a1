using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// The audit chain as the server keeps it: intact after real journeys and concurrent writers, reported by the console
/// and by <c>admin audit verify</c>, anchored by a head noted earlier. No test here damages the chain.
/// </summary>
public class AuditChainTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task TheChainIsIntactAfterSignInsTwoFactorResetsAndAdministrativeChanges()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var client = await Seed.ClientAsync(factory);
        var user = await Seed.UserAsync(factory);
        using (var browser = factory.NewBrowser())
        {
            await Journeys.SignInForTokensAsync(browser, client, user, "openid");
        }

        await factory.AdminOkAsync("user", "reset-2fa", "--email", user.Email);
        var rotate = await console.OpenAsync(AdminRoutes.Keys + "/rotate?use=signing");
        await console.SubmitAndFollowAsync(rotate.FormWith("[data-confirm-rotate]"), AdminRoutes.Keys);

        var chain = await factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Contains(chain, e => e.Kind == SecurityEventKinds.SignIn && e.Email == user.Email);
        Assert.Contains(chain, e => e.Kind == SecurityEventKinds.AdminReset2fa && e.ActorId == "cli");
        Assert.Contains(chain, e => e.Kind == SecurityEventKinds.AdminKeyRotated);
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long?)i), chain.Select(e => e.Sequence));
        Assert.Equal("", chain[0].PreviousHash);
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(chain, e => Assert.Equal(AuditEventHash.Compute(e), e.Hash));

        var output = await factory.AdminOkAsync("audit", "verify");
        Assert.Equal($"Audit trail intact: {chain.Count} events, head {chain[^1].Hash} at #{chain.Count}", output.Trim());

        var page = await console.OpenAsync(AdminRoutes.Audit);
        var panel = page.Document.QuerySelector("[data-chain]")!;
        Assert.Equal("intact", panel.GetAttribute("data-chain"));
        var head = (AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("#chain-head")!;
        var report = await AuditTestEvents.VerifyAsync(factory);
        Assert.Equal(report.HeadHash, head.Value);
        Assert.Equal($"#{report.HeadSequence}", panel.QuerySelector("[data-chain-sequence]")!.TextContent.Trim());
        Assert.Equal("Intact", (await console.OpenAsync(AdminRoutes.Dashboard)).Document
            .QuerySelector("[data-tile='audit-chain'] .tile-figure")!.TextContent.Trim());
    }

    [Fact]
    public async Task TwentyConcurrentWritersLeaveOneUnbrokenChainOfTwentyConsecutiveEvents()
    {
        var marker = Seed.UniqueId("parallel");

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() =>
            AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Failed, detail: $"{marker} {i}"))));

        var written = await AuditTestEvents.MarkedAsync(factory, marker);
        Assert.Equal(20, written.Count);
        var sequences = written.Select(e => e.Sequence!.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => sequences[0] + i), sequences);
        var report = await AuditTestEvents.VerifyAsync(factory);
        Assert.True(report.IsIntact, report.Break?.Description);
    }

    [Fact]
    public async Task WritingAnEventNeverSavesTheCallersUnsavedChanges()
    {
        var user = await Seed.UserAsync(factory);
        var marker = Seed.UniqueId("isolated");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == user.Email);
            account.DisplayName = "Changed but never saved";
            await scope.ServiceProvider.GetRequiredService<SecurityEventWriter>()
                .WriteAsync(SecurityEventKinds.PasswordChanged, SecurityEventOutcomes.Failed, account, marker);
        }

        Assert.Single(await AuditTestEvents.MarkedAsync(factory, marker));
        Assert.Equal(user.Name, (await AuditTrail.AccountOfAsync(factory, user)).DisplayName);
    }

    [Fact]
    public async Task AHeadNotedEarlierIsFoundAtItsPlaceAfterMoreEventsAreAdded()
    {
        await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("before"), 2);
        var noted = await AuditTestEvents.VerifyAsync(factory);
        await AuditTestEvents.WriteSeveralAsync(factory, Seed.UniqueId("after"), 3);

        var output = await factory.AdminOkAsync("audit", "verify", "--expect-head", noted.HeadHash.ToUpperInvariant());

        Assert.Contains($"The head you noted is still in the chain at #{noted.HeadSequence}.", output, StringComparison.Ordinal);
        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync($"{AdminRoutes.Audit}?anchor={noted.HeadHash}");
        Assert.Equal($"{noted.HeadSequence}", page.Document.QuerySelector("[data-anchor-found]")?.GetAttribute("data-anchor-found"));
    }

    [Fact]
    public async Task AHeadThatWasNeverInTheChainIsReportedMissing()
    {
        var unknown = new string('0', 64);

        var result = await factory.AdminAsync("audit", "verify", "--expect-head", unknown);

        CliAssert.Failed(result, 1, "no longer in the chain");
        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync($"{AdminRoutes.Audit}?anchor={unknown}");
        Assert.Equal("broken", page.Document.QuerySelector("[data-chain]")!.GetAttribute("data-chain"));
        Assert.Contains("no longer in the chain", page.Document.QuerySelector("[data-chain] [role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedHeadIsRefusedWithAClearMessage()
    {
        CliAssert.Failed(await factory.AdminAsync("audit", "verify", "--expect-head", "abc"), 1, "64 hexadecimal digits");

        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync($"{AdminRoutes.Audit}?anchor=abc");
        Assert.Contains("64 hexadecimal digits", page.FieldError("anchor"), StringComparison.Ordinal);
        Assert.Equal("intact", page.Document.QuerySelector("[data-chain]")!.GetAttribute("data-chain"));
    }
}
