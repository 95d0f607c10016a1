using System.Diagnostics.Metrics;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>
/// The server's own counters, read with an in-memory listener scoped to this test server's meter factory (other
/// servers running in parallel count into meters of their own).
/// </summary>
public class MetricsTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    private MetricCollector<long> Collect(string instrument) =>
        new(factory.Services.GetRequiredService<IMeterFactory>(), IdpMetrics.MeterName, instrument);

    /// <summary>The total a counter recorded under one value of one tag.</summary>
    internal static long Sum(MetricCollector<long> collector, string tag, string value) =>
        collector.GetMeasurementSnapshot()
            .Where(m => m.Tags.TryGetValue(tag, out var actual) && (string?)actual == value)
            .Sum(m => m.Value);

    [Fact]
    public async Task AFullSignInCountsAsSucceeded()
    {
        using var signIns = Collect("clinikoidp.sign_ins");

        await TwoFactorJourneys.EnrolNewUserAsync(factory);

        Assert.Equal(1, Sum(signIns, "outcome", SignInOutcomes.SecondFactorRequired));
        Assert.Equal(1, Sum(signIns, "outcome", SignInOutcomes.Succeeded));
    }

    [Fact]
    public async Task AWrongPasswordCountsAsFailed()
    {
        using var signIns = Collect("clinikoidp.sign_ins");
        var user = await factory.StandardUserAsync();
        using var browser = factory.NewBrowser();
        var client = await factory.StandardClientAsync();

        var page = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(client.NewAuthorizationRequest().Url));
        await page.SubmitAsync(user.Email, "not the password at all");

        Assert.Equal(1, Sum(signIns, "outcome", SignInOutcomes.Failed));
    }

    [Fact]
    public async Task AWrongAuthenticatorCodeCountsAsASecondFactorFailure()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var failures = Collect("clinikoidp.second_factor.failures");
        using var replays = Collect("clinikoidp.second_factor.replays");
        using var browser = factory.NewBrowser();
        var client = await factory.StandardClientAsync();

        var page = await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, client.NewAuthorizationRequest(), enrolled.User));
        await page.SubmitExpectingFailureAsync(enrolled.App.WrongCode());

        Assert.Equal(1, Sum(failures, "method", SecondFactorMethods.Totp));
        Assert.Empty(replays.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AReplayedAuthenticatorCodeCountsAsAReplay()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        var code = enrolled.App.Code();
        using (var first = factory.NewBrowser())
        {
            await TwoFactorJourneys.SignInWithCodeAsync(first, client.NewAuthorizationRequest(), enrolled.User, code);
        }

        using var replays = Collect("clinikoidp.second_factor.replays");
        using var second = factory.NewBrowser();
        var page = await SecondFactorPage.ReadAsync(second, await TwoFactorJourneys.PasswordAsync(second, client.NewAuthorizationRequest(), enrolled.User));
        await page.SubmitExpectingFailureAsync(code);

        Assert.Equal(1, Sum(replays, "method", SecondFactorMethods.Totp));
    }

    [Fact]
    public async Task AClientCredentialsTokenCountsByGrantType()
    {
        using var tokens = Collect("clinikoidp.tokens.issued");
        var machine = await Seed.MachineClientAsync(factory);

        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        await machine.TokenRequestAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "not-a-scope" });

        Assert.Equal(1, Sum(tokens, "grant_type", "client_credentials"));
    }
}
