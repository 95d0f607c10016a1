using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.OrganisationSettings;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>A new account starts with both factors, even where the clinic lets existing staff sign in with a password alone.</summary>
public sealed class InvitationPolicyTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task AnInvitedPersonSetsUpTwoStepVerificationEvenWhenTheClinicDoesNotRequireIt()
    {
        await factory.QueryAsync(db =>
        {
            db.OrganisationSettings.Add(new OrganisationSettingRecord
            {
                Name = SecuritySettingNames.RequireTwoFactor,
                Value = "false",
                UpdatedAt = factory.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        var invitee = InvitationJourney.NewInvitee();
        await factory.AdminOkAsync("user", "invite", "--email", invitee.Email, "--name", invitee.Name);

        using var browser = factory.NewBrowser();
        var enrolled = await InvitationJourney.AcceptAndEnrolAsync(factory, browser, await InvitationJourney.LinkAsync(factory, invitee.Email), invitee);

        Assert.Equal(10, enrolled.BackupCodes.Count);
    }
}
