using ClinikoIdP.IntegrationTests.Email;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClinikoIdP.IntegrationTests.Email.PasswordResetSteps;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>A person whose only second factor is a passkey still has to use it before a reset password counts.</summary>
public sealed class PasskeyPasswordResetTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task AResetOfAPasskeyOnlyAccountWaitsForThePasskey()
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        var user = enrolled.User;
        await factory.QueryAsync(db => db.Users
            .Where(u => u.Email == user.Email)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AuthenticatorSecret, (string?)null)));

        var link = await RequestLinkAsync(factory, user.Email);
        Assert.Contains("your passkey", (await WaitForEmailAsync(factory, user.Email)).TextBody, StringComparison.Ordinal);
        using var browser = factory.NewBrowser();
        var next = await ResetAsync(browser, link);

        Assert.Equal("/two-factor", next.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.False(browser.HasSessionCookie);
        Assert.True(await PasswordWorksAsync(factory, user.Email, user.Password));
        Assert.False(await PasswordWorksAsync(factory, user.Email, NewPassword));
    }
}
