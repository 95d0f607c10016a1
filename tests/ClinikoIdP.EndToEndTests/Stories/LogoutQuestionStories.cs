using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>
/// Logout CSRF (OpenID Connect RP-Initiated Logout 1.0 §2): a bare link to ClinikoIdP's end-session endpoint on
/// another site proves nothing about who sent it, so a signed-in staff member who follows it is asked first.
/// "Stay signed in" keeps the session; "Sign out" ends it.
/// </summary>
public sealed class LogoutQuestionStories(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ABareLogoutLinkOnAnotherSiteAsksFirstThenSignsOutOnlyWhenTheStaffMemberSaysSo()
    {
        var member = await StaffMember.CreateAsync(fixture.Server);
        var page = await fixture.NewPageAsync();
        await Journeys.SignInWithEnrolmentAsync(fixture, page, member);
        var endSession = new Uri(fixture.Server.BaseAddress, "/connect/endsession");
        await using var forum = await OtherSite.StartAsync(new Dictionary<string, string>
        {
            ["/"] = $"<!DOCTYPE html><title>Staff forum</title><a href='{endSession}'>Roster for next week</a>",
        });

        await FollowTheLinkAsync(page, forum);
        await Expect(page).ToHaveURLAsync(endSession.ToString());
        await Expect(page.Locator("main")).ToContainTextAsync("A page asked to sign you out.");
        await Screenshots.CaptureAsync(page, "11-logout-question");
        await PageChecks.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Stay signed in" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"You are signed in to ClinikoIdP as {member.Email}");

        await FollowTheLinkAsync(page, forum);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(new SignInPage(page).Password).ToBeVisibleAsync();
    }

    /// <summary>
    /// Two tabs show the question; the staff member answers "Sign out" in one, then, later, in the other. The second
    /// answer comes when nobody is signed in: it is the logout it asked for (the signed-out page), not an error.
    /// </summary>
    [Fact]
    public async Task AnsweringAnOldQuestionAfterSigningOutInAnotherTabShowsTheSignedOutPage()
    {
        var member = await StaffMember.CreateAsync(fixture.Server);
        var page = await fixture.NewPageAsync();
        await Journeys.SignInWithEnrolmentAsync(fixture, page, member);
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync("/connect/endsession");
        await page.GotoAsync("/connect/endsession");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(otherTab.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await otherTab.GotoAsync("/");
        await Expect(new SignInPage(otherTab).Password).ToBeVisibleAsync();
    }

    private static async Task FollowTheLinkAsync(IPage page, OtherSite forum)
    {
        await page.GotoAsync(forum.Origin.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Roster for next week" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign out of ClinikoIdP?" })).ToBeVisibleAsync();
    }
}
