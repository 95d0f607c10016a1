using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>The steps of a password reset as a person takes them: the forgot-password form, the email, the link, the new password.</summary>
public static class PasswordResetSteps
{
    public const string LinkPrefix = "https://localhost" + PasswordResetRoutes.ResetPassword;
    public const string NewPassword = "copper kettle under the willow";
    public const string UnusableHeading = "This link can't be used";

    public static async Task<PageDocument> OpenForgotPasswordAsync(Browser browser, string? returnUrl = null)
    {
        var url = returnUrl is null ? PasswordResetRoutes.ForgotPassword : $"{PasswordResetRoutes.ForgotPassword}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await PageDocument.ReadAsync(await browser.GetAsync(url), PasswordResetRoutes.ForgotPassword);
    }

    /// <summary>Fills in and submits the forgot-password form; returns the raw answer (303 to the "check your email" page).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(Browser browser, PageDocument forgotPage, string email) =>
        await forgotPage.FormWith("input[name='Input.Email']").Set("Input.Email", email).SubmitAsync(browser);

    /// <summary>Asks for a reset in a browser of its own and returns the link from the email that arrives.</summary>
    public static async Task<string> RequestLinkAsync(EmailIdpFactory factory, string email)
    {
        var before = ResetEmailsTo(factory, email).Count;
        using var browser = factory.NewBrowser();
        var answer = await SubmitAsync(browser, await OpenForgotPasswordAsync(browser), email);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        return LinkIn(await WaitForEmailAsync(factory, email, before + 1));
    }

    /// <summary>The reset emails <paramref name="email"/> has received (security notifications go to the same address).</summary>
    public static IReadOnlyList<MimeMessage> ResetEmailsTo(EmailIdpFactory factory, string email) =>
        [.. factory.Mail.To(email).Where(m => (m.Subject ?? "").EndsWith(": Reset your password", StringComparison.Ordinal))];

    /// <summary>Waits until <paramref name="email"/> has received <paramref name="count"/> reset emails and returns the last.</summary>
    public static async Task<MimeMessage> WaitForEmailAsync(EmailIdpFactory factory, string email, int count = 1)
    {
        for (var i = 0; i < 150; i++)
        {
            var received = ResetEmailsTo(factory, email);
            if (received.Count >= count)
            {
                return received[count - 1];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{email} did not receive {count} messages.");
    }

    public static string LinkIn(MimeMessage message) => LoopbackSmtpServer.LinkIn(message, LinkPrefix);

    /// <summary>Opens the link as a click in the email does, following the redirect that takes the token out of the address.</summary>
    public static async Task<PageDocument> OpenLinkAsync(Browser browser, string link) =>
        await PageDocument.ReadAsync(await browser.NavigateAsync(link), PasswordResetRoutes.ResetPassword);

    /// <summary>Chooses a new password on the reset page; returns the raw answer (303 onwards, or the page again).</summary>
    public static Task<HttpResponseMessage> ChooseAsync(Browser browser, PageDocument page, string password, string? confirmation = null) =>
        page.FormWith("input[name='Input.NewPassword']")
            .Set("Input.NewPassword", password).Set("Input.ConfirmPassword", confirmation ?? password).SubmitAsync(browser);

    /// <summary>Opens the link and chooses the new password; returns where the browser lands.</summary>
    public static async Task<HttpResponseMessage> ResetAsync(Browser browser, string link, string password = NewPassword)
    {
        var chosen = await ChooseAsync(browser, await OpenLinkAsync(browser, link), password);
        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        return await browser.FollowAsync(chosen);
    }

    /// <summary>Whether a password is accepted on the sign-in page (the browser moves on to the next step).</summary>
    public static async Task<bool> PasswordWorksAsync(IdpFactory factory, string email, string password)
    {
        using var browser = factory.NewBrowser();
        var answer = await (await SignInPage.OpenAsync(browser)).SubmitAsync(email, password);
        return answer.StatusCode == HttpStatusCode.SeeOther;
    }

    /// <summary>Whether the browser's session still opens the user's own security page.</summary>
    public static async Task<bool> IsSignedInAsync(Browser browser) =>
        (await browser.GetAsync("/my-security")).StatusCode == HttpStatusCode.OK;

    /// <summary>An account made directly, with a password or (like an invitation not yet accepted) without one.</summary>
    public static async Task<TestUser> CreateAccountAsync(IdpFactory factory, bool withPassword = true)
    {
        var id = Seed.UniqueId("reset");
        var user = new TestUser($"{id}@clinic.test", $"quiet harbour {id} lamp", $"Nurse {id}");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var account = new ClinicUser { UserName = user.Email, Email = user.Email, EmailConfirmed = true, DisplayName = user.Name };
        var result = withPassword ? await users.CreateAsync(account, user.Password) : await users.CreateAsync(account);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
