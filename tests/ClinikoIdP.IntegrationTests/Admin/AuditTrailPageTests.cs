using System.Globalization;
using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The audit trail page: filters, paging, the link to one event, actors in words, and the CSV export.</summary>
public class AuditTrailPageTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static string Url(params (string Name, string Value)[] query) =>
        AdminRoutes.Audit + "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));

    private static List<string> Details(PageDocument page) =>
        [.. page.Document.QuerySelectorAll("tr[data-event-id] .audit-detail").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task FiltersByStaffMemberEventTypeAndOutcome()
    {
        var user = await Seed.UserAsync(factory);
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignIn, SecurityEventOutcomes.Succeeded, user.Email, "signed in");
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Failed, user.Email, "wrong code");
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Replayed, user.Email, "same code twice");
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Failed, detail: "someone else");
        using var console = await AdminConsole.SignInAsync(factory);

        var byEmail = await console.OpenAsync(Url(("user", user.Email.ToUpperInvariant())));
        var byId = await console.OpenAsync(Url(("user", await AuditTestEvents.UserIdOfAsync(factory, user.Email))));
        var failedCodes = await console.OpenAsync(Url(("user", user.Email), ("kind", SecurityEventKinds.SecondFactor), ("outcome", SecurityEventOutcomes.Failed)));
        var anyFailure = await console.OpenAsync(Url(("user", user.Email), ("outcome", "any_failure")));

        Assert.Equal(["same code twice", "wrong code", "signed in"], Details(byEmail));
        Assert.Equal(Details(byEmail), Details(byId));
        Assert.Equal(["wrong code"], Details(failedCodes));
        Assert.Equal(["same code twice", "wrong code"], Details(anyFailure));
        Assert.Equal("Replayed code", anyFailure.Document.QuerySelector("tr[data-event-id] .badge")!.TextContent.Trim());
        Assert.Contains(user.Email, byEmail.Document.QuerySelector("[data-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersByWholeUtcDaysWithBothEndsIncluded()
    {
        var user = await Seed.UserAsync(factory);
        var firstDay = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignIn, email: user.Email, detail: "first day");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignIn, email: user.Email, detail: "two days later");
        using var console = await AdminConsole.SignInAsync(factory);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var onlyFirst = await console.OpenAsync(Url(("user", user.Email), ("from", Day(firstDay)), ("to", Day(firstDay))));
        var fromLater = await console.OpenAsync(Url(("user", user.Email), ("from", Day(firstDay.AddDays(1)))));
        var both = await console.OpenAsync(Url(("user", user.Email), ("from", Day(firstDay)), ("to", Day(firstDay.AddDays(2)))));

        Assert.Equal(["first day"], Details(onlyFirst));
        Assert.Equal(["two days later"], Details(fromLater));
        Assert.Equal(["two days later", "first day"], Details(both));
    }

    [Fact]
    public async Task ABadDateIsAFieldErrorAndListsNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var badDate = await console.OpenAsync(Url(("from", "28/11/2026")));
        var backwards = await console.OpenAsync(Url(("from", "2026-11-28"), ("to", "2026-11-01")));
        var unknownKind = await console.OpenAsync(Url(("kind", "no_such_kind")));

        Assert.Contains("year-month-day", badDate.FieldError("from"), StringComparison.Ordinal);
        Assert.Empty(Details(badDate));
        Assert.Contains("before the start date", backwards.FieldError("to"), StringComparison.Ordinal);
        Assert.Contains("from the list", unknownKind.FieldError("kind"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesFiftyEventsAtATimeNewestFirst()
    {
        var user = await Seed.UserAsync(factory);
        for (var i = 1; i <= 60; i++)
        {
            await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignIn, email: user.Email, detail: $"attempt {i:00}");
        }

        using var console = await AdminConsole.SignInAsync(factory);

        var first = await console.OpenAsync(Url(("user", user.Email)));
        var older = first.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        var second = await console.OpenAsync(older);

        Assert.Equal(50, Details(first).Count);
        Assert.Equal("attempt 60", Details(first)[0]);
        Assert.Equal("attempt 11", Details(first)[^1]);
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => $"attempt {i:00}"), Details(second));
        Assert.Null(second.Document.QuerySelector("a[rel='next']"));
        Assert.StartsWith("Showing 51–60 of 60 events", second.Document.QuerySelector("[data-summary]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second.Document.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkToOneEventOpensThePageThatHoldsItWithTheRowMarked()
    {
        var marker = Seed.UniqueId("wanted");
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignIn, detail: marker);
        var wanted = (await AuditTestEvents.MarkedAsync(factory, marker)).Single();
        for (var i = 0; i < 55; i++)
        {
            await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.SignOut, detail: "later");
        }

        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync($"{AdminRoutes.Audit}?event={wanted.Id}");

        Assert.Equal($"event-{wanted.Id}", page.Document.QuerySelector("tr[aria-current='true']")?.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Browser.GetAsync($"{AdminRoutes.Audit}?event=999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Browser.GetAsync($"{AdminRoutes.Audit}?event=abc")).StatusCode);
    }

    [Fact]
    public async Task NamesTheAdministratorWhoActedOrTheCommandLine()
    {
        var user = await Seed.UserAsync(factory);
        await factory.AdminOkAsync("user", "reset-2fa", "--email", user.Email);
        using var console = await AdminConsole.SignInAsync(factory);
        var adminId = await AuditTestEvents.UserIdOfAsync(factory, console.Admin.User.Email);
        await AuditTestEvents.WriteAsync(factory, SecurityEventKinds.AdminUserLocked, email: user.Email, detail: "locked", actorId: adminId);

        var page = await console.OpenAsync(Url(("user", user.Email)));

        var reset = page.Document.QuerySelector($"tr[data-kind='{SecurityEventKinds.AdminReset2fa}']")!;
        var locked = page.Document.QuerySelector($"tr[data-kind='{SecurityEventKinds.AdminUserLocked}']")!;
        Assert.Equal("command line", reset.QuerySelector("[data-cell='actor']")!.TextContent.Trim());
        Assert.Equal("Two-step verification reset", reset.Children[2].TextContent.Trim());
        var actor = locked.QuerySelector("[data-cell='actor'] a")!;
        Assert.Equal(console.Admin.User.Email, actor.TextContent.Trim());
        Assert.Equal($"{AdminRoutes.Staff}/{adminId}", actor.GetAttribute("href"));
        Assert.Equal(user.Email, locked.QuerySelector("[data-cell='user'] a")!.TextContent.Trim());
    }
}
