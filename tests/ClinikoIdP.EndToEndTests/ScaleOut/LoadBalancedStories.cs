using System.Net;
using System.Text.RegularExpressions;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.EndToEndTests.Stories;
using ClinikoIdP.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.ScaleOut;

/// <summary>
/// Issue 6, "A multi-node test": a member of staff signs in through nginx while consecutive requests land on different
/// nodes, one node dies in the middle of a sign-in, and one authenticator code sent to both nodes at once works once.
/// </summary>
[Collection(LoadBalancedNodes.Name)]
public sealed partial class LoadBalancedStories(LoadBalancedIdp idp)
{
    [Fact]
    public async Task AFullJourneyThroughTheLoadBalancerUsesBothNodes()
    {
        var appointments = await ClinicApp.RegisterAsync(idp, offlineAccess: true);
        var billing = await ClinicApp.RegisterAsync(idp);
        var member = await StaffMember.CreateAsync(idp);
        var page = await idp.NewPageAsync();
        var upstreams = RecordUpstreams(page);

        var request = appointments.NewSignInRequest();
        var callback = await appointments.ExpectCallbackAsync(page);
        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(member);
        await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        await (await BackupCodesPage.ExpectAsync(page)).ConfirmSavedAsync();
        var (idToken, refreshToken) = await appointments.RedeemForTokensAsync(callback, request);
        Assert.Contains("mfa", idToken.Amr);
        Assert.Equal(2, upstreams.Distinct().Count());

        var (status, rotated) = await appointments.RefreshAsync(refreshToken!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(rotated);

        // Single sign-on into a second app: no password, no code, whichever node answers.
        var billingRequest = billing.NewSignInRequest();
        var billingCallback = await billing.ExpectCallbackAsync(page);
        await page.EvaluateAsync("url => location.assign(url)", billingRequest.Url); // a link in the billing app
        Assert.Equal(idToken.Email, (await billing.RedeemAsync(billingCallback, billingRequest)).Email);

        await page.GotoAsync("/signout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignedOut());
        await SignInPage.OpenAsync(page, appointments.NewSignInRequest());
    }

    [Fact]
    public async Task OneAuthenticatorCodeSentToBothNodesAtOnceSignsInOnlyOnce()
    {
        var app = await ClinicApp.RegisterAsync(idp);
        var member = await StaffMember.CreateAsync(idp);
        var secret = await EnrolAsync(app, member);
        await WaitForNextTimeStepAsync();

        var pages = new[] { await idp.NewPageAsync(), await idp.NewPageAsync() };
        var callbacks = new List<Callback>();
        var posts = new List<string>();
        foreach (var (page, node) in pages.Select((page, node) => (page, node)))
        {
            // Each browser is pinned to its own node: in turn, a redirect between the two posts could send both to one.
            await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [Nginx.PinHeader] = $"{node}" });
            callbacks.Add(await app.ExpectCallbackAsync(page));
            page.Response += (_, response) =>
            {
                if (response.Request.Method == "POST" && response.Url.Contains("/two-factor", StringComparison.Ordinal))
                {
                    lock (posts)
                    {
                        posts.Add(response.Headers.GetValueOrDefault(Nginx.UpstreamHeader.ToLowerInvariant(), ""));
                    }
                }
            };
            await (await SignInPage.OpenAsync(page, app.NewSignInRequest())).SubmitAsync(member);
            await TwoFactorPage.ExpectAsync(page);
        }

        var code = IndependentTotp.Code(secret, DateTimeOffset.UtcNow);
        await Task.WhenAll(pages.Select(page => new TwoFactorPage(page).SubmitAsync(code)));

        var outcomes = await Task.WhenAll(pages.Select(page => OutcomeAsync(page, app)));
        var arrival = await callbacks[Array.IndexOf(outcomes, "signed in")].ArrivalAsync();
        Assert.Contains("code=", arrival.Query, StringComparison.Ordinal);
        Assert.Equal(["refused", "signed in"], outcomes.Order());
        Assert.Equal(2, posts.Count);
        Assert.NotEqual(posts[0], posts[1]);
    }

    [Fact]
    public async Task WhenANodeDiesInTheMiddleOfASignInTheOtherFinishesIt()
    {
        var app = await ClinicApp.RegisterAsync(idp);
        var member = await StaffMember.CreateAsync(idp);
        var page = await idp.NewPageAsync();
        var request = app.NewSignInRequest();
        var callback = await app.ExpectCallbackAsync(page);
        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(member);
        var enrolment = await EnrolmentPage.ExpectAsync(page);

        await idp.Nodes[0].KillAsync();

        await Journeys.ScanAndConfirmAsync(enrolment);
        await (await BackupCodesPage.ExpectAsync(page)).ConfirmSavedAsync();
        var idToken = await app.RedeemAsync(callback, request);
        Assert.Contains("otp", idToken.Amr);
        Assert.True(idp.Nodes[1].IsRunning);

        await idp.ReplaceNodeAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<string> EnrolAsync(ClinicApp app, StaffMember member)
    {
        var page = await idp.NewPageAsync();
        var request = app.NewSignInRequest();
        var callback = await app.ExpectCallbackAsync(page);
        await (await SignInPage.OpenAsync(page, request)).SubmitAsync(member);
        var (secret, _) = await Journeys.ScanAndConfirmAsync(await EnrolmentPage.ExpectAsync(page));
        await (await BackupCodesPage.ExpectAsync(page)).ConfirmSavedAsync();
        await app.RedeemAsync(callback, request);
        await page.Context.CloseAsync();
        return secret;
    }

    // The code used at enrolment is spent; the next 30-second step gives a fresh one.
    private static Task WaitForNextTimeStepAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return Task.Delay(TimeSpan.FromMilliseconds(30_000 - (now % 30_000) + 200));
    }

    private static async Task<string> OutcomeAsync(IPage page, ClinicApp app)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            if (page.Url.StartsWith(app.Origin.ToString(), StringComparison.Ordinal))
            {
                return "signed in";
            }

            if (await page.GetByText("already been used").CountAsync() > 0)
            {
                return "refused";
            }

            await Task.Delay(100);
        }

        return "undecided at " + page.Url;
    }

    private List<string> RecordUpstreams(IPage page)
    {
        var upstreams = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(idp.BaseAddress.ToString(), StringComparison.Ordinal)
                && response.Headers.TryGetValue(Nginx.UpstreamHeader.ToLowerInvariant(), out var upstream))
            {
                lock (upstreams)
                {
                    upstreams.Add(upstream);
                }
            }
        };
        return upstreams;
    }

    [GeneratedRegex("/signed-out")]
    private static partial Regex SignedOut();
}

[CollectionDefinition(Name)]
public sealed class LoadBalancedNodes : ICollectionFixture<LoadBalancedIdp>
{
    public const string Name = "Two nodes behind nginx";
}
