using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static ClinikoIdP.IntegrationTests.Email.PasswordResetSteps;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// "Forgot password?" never tells whether an address has an account: the same answer (status, headers, page) and the
/// same time for every address, and a limit on how many emails one account can be sent.
/// </summary>
public sealed partial class PasswordResetEnumerationTests(EmailIdpFactory factory, ITestOutputHelper output) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task EveryAddressGetsTheSameAnswerAndOnlyAnAccountThatCanResetGetsAnEmail()
    {
        var existing = await CreateAccountAsync(factory);
        var invited = await CreateAccountAsync(factory, withPassword: false);
        var locked = await CreateAccountAsync(factory);
        await factory.AdminOkAsync("user", "lock", "--email", locked.Email);
        var unknown = Seed.UniqueId("nobody") + "@clinic.test";

        var answers = new List<string>();
        foreach (var email in new[] { existing.Email, unknown, invited.Email, locked.Email })
        {
            using var browser = factory.NewBrowser();
            var submitted = await SubmitAsync(browser, await OpenForgotPasswordAsync(browser), email);
            Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
            var page = await browser.FollowAsync(submitted);
            answers.Add(await DescribeAsync(submitted) + "\n\n" + await DescribeAsync(page));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Contains("If an account uses that address, we've sent it a link", answers[0], StringComparison.Ordinal);
        await WaitForEmailAsync(factory, existing.Email);
        var outbox = await factory.OutboxAsync();
        Assert.Single(outbox, m => m.Recipient == existing.Email && m.Kind == EmailKinds.PasswordReset);
        Assert.DoesNotContain(outbox, m => m.Kind == EmailKinds.PasswordReset
            && (m.Recipient == unknown || m.Recipient == invited.Email || m.Recipient == locked.Email));
        Assert.Equal(SecurityEventOutcomes.Succeeded, (await RequestEventsAsync(existing.Email)).Single().Outcome);
        Assert.Equal(SecurityEventOutcomes.Failed, (await RequestEventsAsync(invited.Email)).Single().Outcome);
        Assert.Equal(SecurityEventOutcomes.Failed, (await RequestEventsAsync(locked.Email)).Single().Outcome);
        Assert.Empty(await factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().Where(e => e.Email == unknown).ToListAsync()));
    }

    [Fact]
    public async Task AnAddressWithAnAccountTakesAsLongAsOneWithout()
    {
        var accounts = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            accounts.Add(await CreateAccountAsync(factory));
        }

        // One of each first: the very first request compiles code and queries, which is not what this compares.
        using var browser = factory.NewBrowser();
        var form = await OpenForgotPasswordAsync(browser);
        await TimeRequestAsync(browser, form, (await CreateAccountAsync(factory)).Email);
        await TimeRequestAsync(browser, form, Seed.UniqueId("warm-up") + "@clinic.test");
        var withAccount = new List<TimeSpan>();
        var withoutAccount = new List<TimeSpan>();
        foreach (var account in accounts)
        {
            withAccount.Add(await TimeRequestAsync(browser, form, account.Email));
            withoutAccount.Add(await TimeRequestAsync(browser, form, Seed.UniqueId("nobody") + "@clinic.test"));
        }

        // Not a speed test. Every request must wait out the floor (1.5 s, far above the real work), and the typical
        // request with an account may differ from the typical one without by at most a tenth of it (150 ms): noise,
        // where an unequalised answer differs by the whole of the extra work (a link, an encrypted email, an audit
        // event: measured at about 75 ms against 20 ms, which the first assertion alone already rules out).
        var floor = ResponseFloor.PasswordResetRequest;
        output.WriteLine($"With an account: {string.Join(", ", withAccount.Select(Ms))} ms; without: {string.Join(", ", withoutAccount.Select(Ms))} ms.");
        Assert.All(withAccount.Concat(withoutAccount), elapsed => Assert.True(elapsed >= floor, $"{elapsed} is under the {floor} floor."));
        var difference = (Median(withAccount) - Median(withoutAccount)).Duration();
        Assert.True(difference < floor / 10, $"The medians differ by {Ms(difference)} ms.");
        await WaitForEmailAsync(factory, accounts[^1].Email);
    }

    [Fact]
    public async Task AFourthRequestWithinTheHourSendsNothingButAnswersTheSame()
    {
        var user = await CreateAccountAsync(factory);
        using var browser = factory.NewBrowser();
        var form = await OpenForgotPasswordAsync(browser);

        var locations = new List<Uri>();
        for (var i = 0; i < PasswordResetRequests.MaxEmailsPerHour + 1; i++)
        {
            var answer = await SubmitAsync(browser, form, user.Email);
            Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
            locations.Add(Browser.LocationOf(answer));
        }

        Assert.All(locations, location => Assert.Equal(locations[0], location));
        await WaitForEmailAsync(factory, user.Email, PasswordResetRequests.MaxEmailsPerHour);
        Assert.Equal(PasswordResetRequests.MaxEmailsPerHour, await QueuedResetsAsync(user.Email));
        Assert.Equal(
            [.. Enumerable.Repeat(SecurityEventOutcomes.Succeeded, PasswordResetRequests.MaxEmailsPerHour), SecurityEventOutcomes.Failed],
            (await RequestEventsAsync(user.Email)).Select(e => e.Outcome));

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.SeeOther, (await SubmitAsync(browser, form, user.Email)).StatusCode);
        Assert.Equal(PasswordResetRequests.MaxEmailsPerHour + 1, await QueuedResetsAsync(user.Email));
    }

    [Fact]
    public async Task TheSignInPageLinksToForgotPasswordKeepingTheAppAndTheTypedEmail()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.ReadAsync(browser,
            await browser.NavigateAsync(client.NewAuthorizationRequest().With("login_hint", "hinted@clinic.test").Url));

        var href = signIn.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Forgot password?").GetAttribute("href")!;
        var forgot = await PageDocument.ReadAsync(await browser.GetAsync(href), PasswordResetRoutes.ForgotPassword);
        var form = forgot.FormWith("input[name='Input.Email']");

        Assert.Equal("hinted@clinic.test", form["Input.Email"]);
        Assert.Equal(signIn.ReturnUrl, form["ReturnUrl"]);
        var email = forgot.Document.QuerySelector("input[name='Input.Email']")!;
        Assert.Equal("username", email.GetAttribute("autocomplete"));
        Assert.NotNull(forgot.Document.QuerySelector($"label[for='{email.Id}']"));
        var sent = await PageDocument.ReadAsync(await browser.FollowAsync(await SubmitAsync(browser, forgot, "hinted@clinic.test")), PasswordResetRoutes.Sent);
        var back = sent.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back to sign in").GetAttribute("href")!;
        Assert.Equal(signIn.ReturnUrl, Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(sent.Uri, back).Query)["ReturnUrl"]);
    }

    [Fact]
    public async Task AnInvalidAddressIsRefusedOnTheForm()
    {
        using var browser = factory.NewBrowser();
        var answer = await SubmitAsync(browser, await OpenForgotPasswordAsync(browser), "not an address");

        var page = await PageDocument.ReadAsync(answer, PasswordResetRoutes.ForgotPassword);
        Assert.Equal("Enter a valid email address.", page.FieldError("Input.Email"));
    }

    private static async Task<TimeSpan> TimeRequestAsync(Browser browser, PageDocument form, string email)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await SubmitAsync(browser, form, email);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        return elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:F0}";

    /// <summary>Status, headers and body, with the anti-forgery token (random per page) blanked out.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
        var body = AntiforgeryToken().Replace(await response.Content.ReadAsStringAsync(), "__RequestVerificationToken>");
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}";
    }

    private Task<int> QueuedResetsAsync(string email) =>
        factory.QueryAsync(db => db.OutboxEmails.CountAsync(m => m.Recipient == email && m.Kind == EmailKinds.PasswordReset));

    private Task<List<SecurityEventRecord>> RequestEventsAsync(string email) =>
        factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Email == email && e.Kind == SecurityEventKinds.PasswordResetRequested).OrderBy(e => e.Id).ToListAsync());

    [GeneratedRegex("__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryToken();
}
