using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Session;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// The server's session records follow the user's own actions: wherever all their sessions end, the records end, so
/// the other browsers are signed out at their next request rather than at the next security-stamp check.
/// </summary>
public class SessionRecordTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task ChangingThePasswordEndsTheOtherSessionsAtOnceAndKeepsThisOne()
    {
        var user = await Seed.UserAsync(factory);
        using var here = await StaffConsole.SignedInBrowserAsync(factory, user);
        using var elsewhere = await StaffConsole.SignedInBrowserAsync(factory, user);
        const string NewPassword = "amber lantern over the quiet bay";

        var form = (await PageDocument.ReadAsync(await here.GetAsync("/my-security/password"), "/my-security/password"))
            .FormWith("[name='Input.NewPassword']")
            .Set("Input.CurrentPassword", user.Password).Set("Input.NewPassword", NewPassword).Set("Input.ConfirmPassword", NewPassword);
        Assert.Equal(HttpStatusCode.SeeOther, (await form.SubmitAsync(here)).StatusCode);

        Assert.True(await StaffConsole.IsSignedInAsync(here));
        Assert.False(await StaffConsole.IsSignedInAsync(elsewhere));
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var records = await factory.QueryAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync());
        Assert.Single(records, r => r.EndedAt is null);
        Assert.Single(records, r => r.EndReason == SessionEndReasons.PasswordChanged);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionRecord()
    {
        var user = await Seed.UserAsync(factory);
        using var here = await StaffConsole.SignedInBrowserAsync(factory, user);
        using var elsewhere = await StaffConsole.SignedInBrowserAsync(factory, user);

        var page = await PageDocument.ReadAsync(await here.GetAsync("/my-security"), "/my-security");
        var button = (AngleSharp.Html.Dom.IHtmlButtonElement)page.Document.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Sign out everywhere", StringComparison.Ordinal));
        var form = HtmlForm.Read((AngleSharp.Html.Dom.IHtmlFormElement)button.Form!, page.Uri);
        Assert.Equal(HttpStatusCode.SeeOther, (await form.SubmitAsync(here)).StatusCode);

        Assert.False(await StaffConsole.IsSignedInAsync(here));
        Assert.False(await StaffConsole.IsSignedInAsync(elsewhere));
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        Assert.All(await factory.QueryAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync()),
            record => Assert.Equal(SessionEndReasons.SignedOutEverywhere, record.EndReason));
    }

    [Fact]
    public async Task SigningInAgainInTheSameBrowserReplacesItsSession()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user);
        var response = await (await SignInPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var records = await factory.QueryAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Single(records, r => r.EndReason == SessionEndReasons.Replaced);
        Assert.True(await StaffConsole.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task TheLastSeenTimeIsWrittenAtMostOnceAMinute()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var started = (await factory.QueryAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == userId))).LastSeenAt;

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await StaffConsole.IsSignedInAsync(browser));
        var soon = (await factory.QueryAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == userId))).LastSeenAt;
        factory.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.True(await StaffConsole.IsSignedInAsync(browser));
        var later = (await factory.QueryAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == userId))).LastSeenAt;

        Assert.Equal(started, soon);
        Assert.Equal(started.AddSeconds(70), later);
    }
}
