using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// Issue 10, item 4: a changed password and a locked account are emailed to the account's owner, saying from where;
/// a lockout is reported once, however many attempts it then refuses.
/// </summary>
public sealed class NotificationPasswordAndLockoutTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    private const int LockoutThreshold = 5;

    [Fact]
    public async Task ChangingThePasswordTellsTheOwnerFromWhichBrowserAndAddress()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();
        await TwoFactorJourneys.SignInWithCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(),
            enrolled.User, enrolled.App.Code());
        var page = await PageDocument.ReadAsync(await browser.GetAsync("/my-security/password"), "/my-security/password");
        var form = page.FormWith("input[name='Input.NewPassword']")
            .Set("Input.CurrentPassword", enrolled.User.Password)
            .Set("Input.NewPassword", "a fresh harbour lantern 2026")
            .Set("Input.ConfirmPassword", "a fresh harbour lantern 2026");

        using var fromTheFrontDesk = NotificationMail.FromElsewhere(factory, browser, "203.0.113.7");
        Assert.Equal(HttpStatusCode.SeeOther, (await fromTheFrontDesk.PostAsync(form)).StatusCode);

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "Your password was changed",
            "The password of your account was changed.",
            await NotificationMail.WhenLineAsync(factory, enrolled.User.Email, SecurityEventKinds.PasswordChanged),
            "From: Chrome on Windows, IP address 203.0.113.7",
            "If this wasn't you, someone else has signed in to your account",
            "\"Forgot password?\"");
    }

    [Fact]
    public async Task AWrongCurrentPasswordChangesNothingAndSendsNothing()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();
        await TwoFactorJourneys.SignInWithCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(),
            enrolled.User, enrolled.App.Code());
        var page = await PageDocument.ReadAsync(await browser.GetAsync("/my-security/password"), "/my-security/password");

        var refused = await page.FormWith("input[name='Input.NewPassword']")
            .Set("Input.CurrentPassword", "not my password at all")
            .Set("Input.NewPassword", "a fresh harbour lantern 2026")
            .Set("Input.ConfirmPassword", "a fresh harbour lantern 2026")
            .SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Empty(await NotificationMail.QueuedAsync(factory, enrolled.User.Email, EmailKinds.PasswordChanged));
    }

    [Fact]
    public async Task WrongPasswordsLockTheAccountAndSendOneMessageWhateverFollows()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        using var attacker = NotificationMail.FromElsewhere(factory, browser, "198.51.100.23",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        var signIn = await SignInPage.OpenAsync(browser);

        for (var attempt = 0; attempt < LockoutThreshold + 3; attempt++)
        {
            var refused = await attacker.PostAsync(signIn.Form.Set("Input.Email", user.Email).Set("Input.Password", $"guess number {attempt}"));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await signIn.SubmitAsync(user.Email, user.Password)).StatusCode);

        await NotificationMail.ReceiveAsync(factory, user.Email, "Your account was locked after wrong passwords",
            "Your account is locked for 15 minutes",
            "Too many wrong passwords were entered for your account in a row",
            "From: Firefox on Linux, IP address 198.51.100.23",
            "If it wasn't you, someone may be trying to guess your password");
        Assert.Single(await NotificationMail.QueuedAsync(factory, user.Email, EmailKinds.AccountLocked));
    }

    [Fact]
    public async Task WrongCodesLockTheAccountAndSendOneMessageWhateverFollows()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();
        var page = await SecondFactorPage.ReadAsync(browser,
            await TwoFactorJourneys.PasswordAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User));

        for (var attempt = 0; attempt < LockoutThreshold + 2; attempt++)
        {
            page = await page.SubmitExpectingFailureAsync(enrolled.App.WrongCode());
        }

        await page.SubmitExpectingFailureAsync(enrolled.App.Code());

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "Your account was locked after wrong codes",
            "Your account is locked for 15 minutes",
            "entered too many wrong codes for your second factor",
            await NotificationMail.WhenLineAsync(factory, enrolled.User.Email, SecurityEventKinds.SecondFactor),
            "If it wasn't you, someone knows your password");
        Assert.Single(await NotificationMail.QueuedAsync(factory, enrolled.User.Email, EmailKinds.AccountLocked));
    }

    [Fact]
    public async Task AnAdministratorsLockSendsOneMessageAndRefusedSignInsAfterItNone()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);

        var confirm = await console.OpenAsync(StaffRoutes.Lock(userId));
        await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-lock']"), StaffRoutes.Member(userId));
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            signIn = await signIn.SubmitExpectingFailureAsync(user.Email, attempt == 0 ? user.Password : $"guess {attempt}");
        }

        await NotificationMail.ReceiveAsync(factory, user.Email, "Your account was locked by an administrator",
            "An administrator locked your account",
            "you can't sign in until an administrator unlocks your account",
            $"By: {console.Admin.User.Name}, an administrator",
            await NotificationMail.WhenLineAsync(factory, user.Email, SecurityEventKinds.AdminUserLocked),
            "If you don't know why, ask your administrator.");
        Assert.Single(await NotificationMail.QueuedAsync(factory, user.Email, EmailKinds.AccountLocked));
        Assert.Empty(await NotificationMail.QueuedAsync(factory, console.Admin.User.Email, EmailKinds.AccountLocked));
    }
}
