using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.IntegrationTests.Email;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>Issue 9: the owner of an account is emailed when a computer is remembered for it, read back from a real SMTP server.</summary>
public sealed class RememberedComputerNotificationTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task RememberingAComputerSendsAMessageSayingWhatToDoIfItWasntThem()
    {
        await factory.QueryAsync(db =>
        {
            if (!db.OrganisationSettings.Any(s => s.Name == SecuritySettingNames.RememberComputers))
            {
                db.OrganisationSettings.Add(new OrganisationSettingRecord
                {
                    Name = SecuritySettingNames.RememberComputers,
                    Value = "true",
                    UpdatedAt = factory.Clock.GetUtcNow(),
                });
            }

            return db.SaveChangesAsync();
        });
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var browser = factory.NewBrowser();

        await RememberedComputerJourneys.SignInRememberingAsync(factory, browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled);

        var email = enrolled.User.Email;
        await NotificationMail.ReceiveAsync(factory, email, "A sign-in from a new browser was remembered",
            "A computer was remembered for your account",
            "asks only for your password",
            "Account: " + email,
            await NotificationMail.WhenLineAsync(factory, email, SecurityEventKinds.ComputerRemembered),
            "If this wasn't you, someone has your password and your second factor");
        Assert.Contains(await NotificationMail.AllQueuedAsync(factory, email), m => m.Kind == EmailKinds.ComputerRemembered);
    }
}
