using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using static ClinikoIdP.IntegrationTests.Admin.SecuritySettingsForm;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>On a server configured with <c>TwoFactor:Enforcement=Always</c>, the console's switch starts on, and turning it off wins.</summary>
public class SecuritySettingsDefaultAlwaysTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => ResetAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RequireTwoFactorIsOnByDefaultFromTheConfiguration()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (page, _) = await OpenAsync(console);

        Assert.True(IsChecked(page));
        Assert.Equal("on", ValueInForce(page, SecuritySettingNames.RequireTwoFactor));
        Assert.Equal("default", OriginOf(page, SecuritySettingNames.RequireTwoFactor));
    }

    [Fact]
    public async Task SwitchedOffInTheConsoleANewUserSignsInWithAPasswordAlone()
    {
        await SwitchRequireTwoFactorAsync(factory, on: false);
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();

        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, await Journeys.SignInAsync(browser, request, user));

        Assert.Equal(["pwd"], TokenValidator.ArrayClaim(idToken, "amr"));
    }
}
