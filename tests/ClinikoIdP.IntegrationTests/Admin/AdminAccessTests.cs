using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Who reaches the console: administrators with a recent second factor, nobody else, on every console route.</summary>
public class AdminAccessTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public void TheCatalogueFindsEveryConsoleSection()
    {
        var urls = AdminRouteCatalogue.Urls(factory);
        Assert.Contains(AdminRoutes.Dashboard, urls, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AStaffMemberWhoIsNotAnAdministratorGets403OnEveryConsoleRoute()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser);
        Assert.Equal(HttpStatusCode.SeeOther, (await signIn.SubmitAsync(user.Email, user.Password)).StatusCode);

        foreach (var url in AdminRouteCatalogue.Urls(factory))
        {
            var get = await browser.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.Forbidden, $"GET {url} gave {(int)get.StatusCode}");
            var post = await browser.PostFormAsync(url, []);
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"POST {url} gave {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task SomeoneNotSignedInIsSentToSignInOnEveryConsoleRoute()
    {
        using var browser = factory.NewBrowser();
        foreach (var url in AdminRouteCatalogue.Urls(factory))
        {
            var get = await browser.GetAsync(url);
            Assert.True(Browser.IsRedirect(get), $"GET {url} gave {(int)get.StatusCode}");
            Assert.Equal("/signin", Browser.LocationOf(get).AbsolutePath);
            var post = await browser.PostFormAsync(url, []);
            Assert.True(Browser.IsRedirect(post) || post.StatusCode == HttpStatusCode.BadRequest,
                $"POST {url} gave {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task AnAdministratorIsAskedForTheSecondFactorAgainAfterFifteenMinutes()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await console.OpenAsync(AdminRoutes.Dashboard);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await console.Browser.GetAsync(AdminRoutes.Dashboard);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = Browser.LocationOf(response);
        Assert.Equal("/two-factor", location.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin", location.Query, StringComparison.Ordinal);

        var page = await SecondFactorPage.ReadAsync(console.Browser, await console.Browser.FollowAsync(response));
        var submitted = await page.SubmitAsync(console.Admin.App.Code());
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        await PageDocument.ReadAsync(await console.Browser.FollowAsync(submitted), AdminRoutes.Dashboard);
    }

    [Fact]
    public async Task AnAdministratorWhoseRoleWasRevokedLosesTheConsoleAtOnce()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == console.Admin.User.Email);
            await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
            return 0;
        });

        var response = await console.Browser.GetAsync(AdminRoutes.Dashboard);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheDashboardCountsStaffWithoutTwoFactor()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var before = Count(Tile(await console.OpenAsync(AdminRoutes.Dashboard), "without-2fa"));
        await Seed.UserAsync(factory);
        var after = Count(Tile(await console.OpenAsync(AdminRoutes.Dashboard), "without-2fa"));
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task TheDashboardCountsFailedSecondFactorsOfTheLastDay()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var before = Count(Tile(await console.OpenAsync(AdminRoutes.Dashboard), "failed-second-factors"));
        await factory.QueryAsync(async db =>
        {
            db.SecurityEvents.Add(new SecurityEventRecord
            {
                OccurredAt = factory.Clock.GetUtcNow().AddHours(-2),
                Kind = SecurityEventKinds.SecondFactor,
                Outcome = SecurityEventOutcomes.Replayed,
            });
            db.SecurityEvents.Add(new SecurityEventRecord
            {
                OccurredAt = factory.Clock.GetUtcNow().AddDays(-2),
                Kind = SecurityEventKinds.SecondFactor,
                Outcome = SecurityEventOutcomes.Failed,
            });
            return await db.SaveChangesAsync();
        });
        var after = Count(Tile(await console.OpenAsync(AdminRoutes.Dashboard), "failed-second-factors"));
        Assert.Equal(before + 1, after);
    }

    private static int Count(string figure) => int.Parse(figure, System.Globalization.CultureInfo.InvariantCulture);

    private static string Tile(PageDocument page, string name) =>
        page.Document.QuerySelector($"[data-tile='{name}'] .tile-figure")?.TextContent.Trim() ?? "";
}
