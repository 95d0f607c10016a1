using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.Admin.Staff;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The staff list: search by name or email, the dashboard's filters, badges and paging.</summary>
public class StaffListTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task ListsStaffWithTheirBadges()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var staff = await Seed.UserAsync(factory);

        var page = await console.OpenAsync(StaffRoutes.List);

        var adminRow = Row(page, console.Admin.User.Email);
        Assert.NotNull(adminRow.QuerySelector("[data-badge='admin']"));
        Assert.NotNull(adminRow.QuerySelector("[data-badge='2fa-on']"));
        var staffRow = Row(page, staff.Email);
        Assert.Null(staffRow.QuerySelector("[data-badge='admin']"));
        Assert.NotNull(staffRow.QuerySelector("[data-badge='2fa-off']"));
        Assert.Contains(staff.Name, staffRow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchFindsStaffByNameOrEmailWhateverTheCase()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var marker = Seed.UniqueId("Quinn");
        var byName = await Seed.UserAsync(factory, $"Dr {marker} Avery");
        var other = await Seed.UserAsync(factory);

        var named = await console.OpenAsync($"{StaffRoutes.List}?q={Uri.EscapeDataString(marker.ToUpperInvariant())}");
        var emailed = await console.OpenAsync($"{StaffRoutes.List}?q={Uri.EscapeDataString(other.Email[..16].ToUpperInvariant())}");
        var nobody = await console.OpenAsync($"{StaffRoutes.List}?q=no-such-person-{Guid.NewGuid():N}");

        Assert.Equal([byName.Email], Emails(named));
        Assert.Equal([other.Email], Emails(emailed));
        Assert.Empty(Emails(nobody));
        Assert.NotNull(nobody.Document.QuerySelector("[data-empty]"));
    }

    [Fact]
    public async Task EachFilterShowsOnlyTheMatchingStaff()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var locked = await Seed.UserAsync(factory);
        await factory.AdminOkAsync("user", "lock", "--email", locked.Email);
        var plain = await Seed.UserAsync(factory);

        var lockedList = Emails(await console.OpenAsync($"{StaffRoutes.List}?filter={StaffFilters.Locked}"));
        var withoutTwoFactor = Emails(await console.OpenAsync($"{StaffRoutes.List}?filter={StaffFilters.WithoutTwoFactor}"));
        var administrators = Emails(await console.OpenAsync($"{StaffRoutes.List}?filter={StaffFilters.Administrators}"));

        Assert.Contains(locked.Email, lockedList);
        Assert.DoesNotContain(plain.Email, lockedList);
        Assert.DoesNotContain(console.Admin.User.Email, lockedList);
        Assert.Contains(plain.Email, withoutTwoFactor);
        Assert.DoesNotContain(console.Admin.User.Email, withoutTwoFactor);
        Assert.Contains(console.Admin.User.Email, administrators);
        Assert.DoesNotContain(plain.Email, administrators);
    }

    [Fact]
    public async Task TheDashboardTilesOpenTheFilteredList()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var dashboard = await console.OpenAsync(AdminRoutes.Dashboard);

        foreach (var tile in new[] { "locked", "without-2fa", "admins" })
        {
            var href = dashboard.Document.QuerySelector($"[data-tile='{tile}']")!.GetAttribute("href")!;
            var list = await console.OpenAsync(href);
            var current = list.Document.QuerySelector(".filters a[aria-current='true']")!;
            Assert.Equal(href, current.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task ManyStaffArePagedAndTheSearchIsKept()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var marker = Seed.UniqueId("paged");
        await factory.QueryAsync(db =>
        {
            for (var i = 0; i < StaffDirectory.PageSize + 5; i++)
            {
                var email = $"{marker}-{i:D2}@clinic.test";
                db.Users.Add(new ClinicUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"Paged {i:D2}",
                    SecurityStamp = Guid.NewGuid().ToString(),
                });
            }

            return db.SaveChangesAsync();
        });

        var first = await console.OpenAsync($"{StaffRoutes.List}?q={marker}");
        var next = first.Document.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!;
        var second = await console.OpenAsync(next);

        Assert.Equal(StaffDirectory.PageSize, Emails(first).Count);
        Assert.Equal(5, Emails(second).Count);
        Assert.Contains($"q={marker}", next, StringComparison.Ordinal);
        Assert.Empty(Emails(first).Intersect(Emails(second)));
        Assert.Contains($"of {StaffDirectory.PageSize + 5}", second.Document.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Row(PageDocument page, string email) =>
        page.Document.QuerySelector($"[data-staff-row='{email}']") ?? throw new InvalidOperationException($"{email} is not listed.");

    private static List<string> Emails(PageDocument page) =>
        [.. page.Document.QuerySelectorAll("[data-staff-row]").Select(row => row.GetAttribute("data-staff-row")!)];
}
