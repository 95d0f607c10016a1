using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinikoIdP.IntegrationTests.RememberedComputers.RememberedComputerJourneys;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>
/// Issue 9, item 2: a remembered computer is listed on its person's security page and forgotten there one by one or
/// all at once (from any browser), by an administrator, and automatically on a password change or reset, a reset or
/// removal of the authenticator, and a lock; each takes effect at the next sign-in.
/// </summary>
public class RememberedComputerRevocationTests(RememberComputersIdpFactory factory) : IClassFixture<RememberComputersIdpFactory>
{
    [Fact]
    public async Task TheSecurityPageListsThisComputerAndForgettingItAsksForTheCodeAtTheNextSignIn()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var client = await factory.StandardClientAsync();
        await SignInSkippingTheCodeAsync(browser, client, enrolled.User);

        var page = await MyComputersPage.OpenAsync(browser);
        var id = Assert.Single(page.Ids);
        Assert.Equal(id, page.ThisComputerId);
        var after = await page.ForgetAsync(id);

        Assert.Empty(after.Ids);
        Assert.Contains("is forgotten", after.Notice, StringComparison.Ordinal);
        Assert.Equal(RememberedComputerReasons.ForgottenByPerson, await ReasonAsync(enrolled));
        Assert.Equal(1, await StaffConsole.EventCountAsync(factory, await UserIdAsync(enrolled), SecurityEventKinds.ComputerForgotten));
        await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task ForgettingFromAnotherBrowserAsksTheRememberedOneForTheCode()
    {
        using var remembered = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, remembered);
        var client = await factory.StandardClientAsync();
        using var other = factory.NewBrowser();
        var code = await SignInAskedForTheCodeAsync(other, client.NewAuthorizationRequest(), enrolled.User);
        Assert.Equal(HttpStatusCode.SeeOther, (await code.SubmitAsync(enrolled.App.Code())).StatusCode);
        factory.Clock.Advance(AuthenticatorApp.Step);

        var page = await MyComputersPage.OpenAsync(other);
        Assert.Null(page.ThisComputerId);
        await page.ForgetAsync(Assert.Single(page.Ids));

        await SignInAskedForTheCodeAsync(remembered, client.NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task ForgetAllForgetsEveryComputerOfThePerson()
    {
        using var first = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, first);
        var client = await factory.StandardClientAsync();
        using var second = factory.NewBrowser();
        CloseBrowser(second);
        Assert.NotNull((await SignInRememberingAsync(factory, second, client.NewAuthorizationRequest(), enrolled)).Code);

        var page = await MyComputersPage.OpenAsync(second);
        Assert.Equal(2, page.Ids.Count);
        Assert.Empty((await page.ForgetAllAsync()).Ids);

        await SignInAskedForTheCodeAsync(first, client.NewAuthorizationRequest(), enrolled.User);
        await SignInAskedForTheCodeAsync(second, client.NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task AnUnknownOrUnreadableComputerIdIsAnsweredWithAMessageNotAnError()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        await SignInSkippingTheCodeAsync(browser, await factory.StandardClientAsync(), enrolled.User);
        var page = await MyComputersPage.OpenAsync(browser, "?confirm=999999");
        Assert.Null(page.Page.Document.QuerySelector("[data-confirm]"));
        var form = (await MyComputersPage.OpenAsync(browser, "?confirm=" + page.Ids[0])).Page.FormWith("[data-action='confirm-forget']");

        var unreadable = await form.Set("id", "not-a-number").SubmitAsync(browser);
        var unknown = await form.Set("id", "999999").SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.SeeOther, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, unknown.StatusCode);
        Assert.Single((await MyComputersPage.OpenAsync(browser)).Ids);
    }

    [Fact]
    public async Task ChangingThePasswordForgetsEveryComputer()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        CloseBrowser(browser);
        await SignInRememberingAsync(factory, browser, client.NewAuthorizationRequest(), enrolled);

        var form = (await PageDocument.ReadAsync(await browser.GetAsync("/my-security/password"), "/my-security/password"))
            .FormWith("input[name='Input.NewPassword']");
        var newPassword = enrolled.User.Password + " changed";
        var changed = await form.Set("Input.CurrentPassword", enrolled.User.Password).Set("Input.NewPassword", newPassword)
            .Set("Input.ConfirmPassword", newPassword).SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        Assert.Equal(RememberedComputerReasons.PasswordChanged, await ReasonAsync(enrolled));
        await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User with { Password = newPassword });
    }

    [Fact]
    public async Task AResetPasswordForgetsEveryComputer()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var newPassword = enrolled.User.Password + " reset";

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
            var user = (await users.FindByEmailAsync(enrolled.User.Email))!;
            await scope.ServiceProvider.GetRequiredService<PasswordResetCompletion>()
                .ApplyAsync(user, users.PasswordHasher.HashPassword(user, newPassword), "test");
        }

        Assert.Equal(RememberedComputerReasons.PasswordReset, await ReasonAsync(enrolled));
        await SignInAskedForTheCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User with { Password = newPassword });
    }

    [Fact]
    public async Task AnAdministratorsTwoStepResetForgetsEveryComputer()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);

        await factory.AdminOkAsync("user", "reset-2fa", "--email", enrolled.User.Email);

        Assert.Equal(RememberedComputerReasons.AuthenticatorRemoved, await ReasonAsync(enrolled));
        CloseBrowser(browser);
        var next = await PasswordAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);
        await EnrolmentPage.ReadAsync(browser, next);
    }

    [Fact]
    public async Task ALockForgetsEveryComputerAndItStaysForgottenAfterTheUnlock()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);

        await factory.AdminOkAsync("user", "lock", "--email", enrolled.User.Email);
        await factory.AdminOkAsync("user", "unlock", "--email", enrolled.User.Email);

        Assert.Equal(RememberedComputerReasons.AccountLocked, await ReasonAsync(enrolled));
        await SignInAskedForTheCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task AnAdministratorSeesTheCountAndForgetsThemAllWithAnAuditedAction()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var userId = await UserIdAsync(enrolled);
        using var console = await AdminConsole.SignInAsync(factory);

        var member = await StaffConsole.OpenMemberAsync(console, enrolled.User.Email);
        Assert.Equal("1", member.Document.QuerySelector("[data-remembered-computers]")!.GetAttribute("data-remembered-computers"));
        var confirm = await console.OpenAsync(StaffRoutes.ForgetComputers(userId));
        var done = await StaffConsole.SubmitAndFollowAsync(console, confirm.FormWith("[data-action='confirm-forget-computers']"));

        Assert.Contains("forgotten", AdminConsole.Flash(done), StringComparison.Ordinal);
        Assert.Equal("0", done.Document.QuerySelector("[data-remembered-computers]")!.GetAttribute("data-remembered-computers"));
        var audit = await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.ComputerForgotten);
        Assert.Equal("all 1, by an administrator", audit.Detail);
        Assert.Equal(RememberedComputerReasons.ForgottenByAdministrator, await ReasonAsync(enrolled));
        await SignInAskedForTheCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);
    }

    private Task<string> UserIdAsync(EnrolledUser enrolled) => StaffConsole.UserIdAsync(factory, enrolled.User.Email);

    /// <summary>Why the person's (only) remembered computer was revoked; null while it is live.</summary>
    private async Task<string?> ReasonAsync(EnrolledUser enrolled)
    {
        var userId = await UserIdAsync(enrolled);
        return await factory.QueryAsync(db => db.RememberedComputers.Where(c => c.UserId == userId)
            .OrderByDescending(c => c.Id).Select(c => c.RevokedReason).FirstAsync());
    }
}
