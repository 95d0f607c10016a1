using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>What the staff pages' tests share: finding accounts, reading the audit trail and sessions, other browsers.</summary>
public static class StaffConsole
{
    public static Task<string> UserIdAsync(IdpFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<PageDocument> OpenMemberAsync(AdminConsole console, string email) =>
        await console.OpenAsync(StaffRoutes.Member(await UserIdAsync(console.Factory, email)));

    /// <summary>Asserts the console wrote an event of this kind about the user, naming the signed-in administrator.</summary>
    public static async Task<SecurityEventRecord> AssertAuditedAsync(AdminConsole console, string userId, string kind)
    {
        var adminId = await UserIdAsync(console.Factory, console.Admin.User.Email);
        var events = await console.Factory.QueryAsync(db =>
            db.SecurityEvents.AsNoTracking().Where(e => e.UserId == userId && e.Kind == kind).OrderBy(e => e.Id).ToListAsync());
        Assert.True(events.Count > 0, $"No {kind} event was written.");
        var written = events[^1];
        Assert.Equal(adminId, written.ActorId);
        Assert.Equal(SecurityEventOutcomes.Succeeded, written.Outcome);
        return written;
    }

    public static Task<int> EventCountAsync(IdpFactory factory, string userId, string kind) =>
        factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.UserId == userId && e.Kind == kind));

    /// <summary>Submits a form that must succeed and follows its 303 to wherever it leads (a page whose id is new).</summary>
    public static async Task<PageDocument> SubmitAndFollowAsync(AdminConsole console, HtmlForm form)
    {
        var response = await console.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var target = Browser.LocationOf(response);
        return await PageDocument.ReadAsync(await console.Browser.FollowAsync(response), target.AbsolutePath);
    }

    /// <summary>Submits a form that must be refused and returns the page shown again, with its errors.</summary>
    public static async Task<PageDocument> SubmitExpectingErrorsAsync(AdminConsole console, HtmlForm form)
    {
        var response = await console.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageDocument.ReadAsync(response, form.Action.AbsolutePath);
    }

    /// <summary>A new browser in which the user signed in with their password (a session, no clinic app).</summary>
    public static async Task<Browser> SignedInBrowserAsync(IdpFactory factory, TestUser user)
    {
        var browser = factory.NewBrowser();
        var response = await (await SignInPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(browser.HasSessionCookie);
        return browser;
    }

    /// <summary>Whether the browser's session still opens the user's own security page (else it is sent to sign in).</summary>
    public static async Task<bool> IsSignedInAsync(Browser browser)
    {
        var response = await browser.GetAsync("/my-security");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The session ids shown on a staff member's page, in the order shown.</summary>
    public static IReadOnlyList<string> SessionIds(PageDocument page) =>
        [.. page.Document.QuerySelectorAll("[data-session]").Select(row => row.GetAttribute("data-session")!)];

    public static Task<UserSessionRecord> SessionRecordAsync(IdpFactory factory, string sessionId) =>
        factory.QueryAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));

    /// <summary>
    /// Posts to a console address with a valid anti-forgery token taken from another page, as a hand-made form would:
    /// for refusals whose buttons the console does not even show.
    /// </summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(AdminConsole console, PageDocument tokenSource, string url)
    {
        var token = tokenSource.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page carries no anti-forgery token.");
        return console.Browser.PostFormAsync(url, [new("__RequestVerificationToken", token)]);
    }

    /// <summary>Locks every administrator except one in the database, leaving that one the last who can sign in.</summary>
    public static Task LeaveOnlyAdministratorAsync(IdpFactory factory, string email) =>
        factory.QueryAsync(async db =>
        {
            var adminRoleId = await db.Roles.Where(r => r.Name == "Admin").Select(r => r.Id).SingleAsync();
            var others = await db.Users
                .Where(u => u.Email != email && db.UserRoles.Any(link => link.UserId == u.Id && link.RoleId == adminRoleId))
                .ToListAsync();
            foreach (var other in others)
            {
                other.LockoutEnabled = true;
                other.LockoutEnd = DateTimeOffset.MaxValue;
            }

            return await db.SaveChangesAsync();
        });
}
