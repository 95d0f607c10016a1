using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// Issue 3, "Backup codes": typed in the second-factor field however the user likes, each works once, the user is told
/// how many remain and offered a new set when few do; a new set voids the old one.
/// </summary>
public class BackupCodeTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    /// <summary>Signs in with a backup code in a new browser and returns the codes-left page it leads to.</summary>
    private async Task<(Browser Browser, AuthorizationRequest Request, RemainingBackupCodesPage Page)> SignInWithBackupCodeAsync(
        EnrolledUser enrolled, string typed)
    {
        var client = await factory.StandardClientAsync();
        var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, typed);
        return (browser, request, await RemainingBackupCodesPage.ReadAsync(browser, landed));
    }

    private static string AsTypedCarelessly(string code) => code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    [Fact]
    public async Task BackupCodeWorksOnceAndOnlyOnce()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        var code = enrolled.BackupCodes[0];

        var (browser, request, remaining) = await SignInWithBackupCodeAsync(enrolled, AsTypedCarelessly(code));
        using (browser)
        {
            Assert.Equal(9, remaining.Left);
            Assert.False(remaining.OffersNewSet, "A new set was offered with 9 codes left.");
            var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(await remaining.ContinueAsync()));
            Assert.Equal(["pwd", "mfa", "rc"], TokenValidator.ArrayClaim(idToken, "amr"));
            Assert.Equal("urn:clinikoidp:acr:mfa", idToken.GetPayloadValue<string>("acr"));
        }

        using var again = factory.NewBrowser();
        var secondFactor = await SecondFactorPage.ReadAsync(again,
            await TwoFactorJourneys.PasswordAsync(again, client.NewAuthorizationRequest(), enrolled.User));
        var refused = await secondFactor.SubmitExpectingFailureAsync(code);

        Assert.Contains("already been used", refused.CodeError, StringComparison.Ordinal);
        Assert.False(again.HasSessionCookie);
        Assert.Equal(9, await AuditTrail.UnusedBackupCodesOfAsync(factory, enrolled.User));
        Assert.Single(await AuditTrail.EventsOfAsync(factory, enrolled.User), e => e is { Kind: "backup_code_used", Outcome: "succeeded" });
    }

    [Fact]
    public async Task OffersANewSetAtThreeLeftAndTheNewSetVoidsTheOldCodes()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        for (var used = 0; used < 6; used++)
        {
            var (browser, _, page) = await SignInWithBackupCodeAsync(enrolled, enrolled.BackupCodes[used]);
            using (browser)
            {
                Assert.Equal(9 - used, page.Left);
                Assert.Equal(9 - used <= 3, page.OffersNewSet);
            }
        }

        var (last, request, low) = await SignInWithBackupCodeAsync(enrolled, enrolled.BackupCodes[6]);
        using (last)
        {
            Assert.Equal(3, low.Left);
            Assert.True(low.OffersNewSet, "No new set was offered with 3 codes left.");
            var regenerated = await low.RegenerateAsync();
            Assert.Equal(HttpStatusCode.SeeOther, regenerated.StatusCode);
            var fresh = await BackupCodesPage.ReadAsync(last, await last.FollowAsync(regenerated));
            Assert.Equal(10, fresh.Codes.Count);
            Assert.Empty(fresh.Codes.Intersect(enrolled.BackupCodes));
            var saved = await fresh.ContinueAsync(saved: true);
            Assert.NotNull(AuthorizationResponse.FromRedirect(await last.FollowAsync(saved)).Code);

            var client = await factory.StandardClientAsync();
            using var later = factory.NewBrowser();
            var oldCode = await SecondFactorPage.ReadAsync(later,
                await TwoFactorJourneys.PasswordAsync(later, client.NewAuthorizationRequest(), enrolled.User));
            var refused = await oldCode.SubmitExpectingFailureAsync(enrolled.BackupCodes[7]);
            Assert.Contains("wrong", refused.CodeError, StringComparison.Ordinal);
            var accepted = await refused.SubmitAsync(fresh.Codes[0]);
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
            Assert.Equal(9, (await RemainingBackupCodesPage.ReadAsync(later, await later.FollowAsync(accepted))).Left);
        }
    }
}
