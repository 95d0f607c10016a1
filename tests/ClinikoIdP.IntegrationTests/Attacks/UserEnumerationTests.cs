using System.Diagnostics;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// OWASP ASVS 5.0 V6.3.8 and NIST SP 800-63B-4 §3.2.2: the sign-in page does not tell whether an email has an account,
/// neither by its words and status (<see cref="SignIn.SignInPageTests"/>) nor by the time it takes. An unknown email
/// costs the same password check a known one does, proved by counting the checks and by timing both.
/// (The forgot-password page: <see cref="Email.PasswordResetEnumerationTests"/>.)
/// </summary>
public class UserEnumerationTests(CountingPasswordHasherIdpFactory factory, ITestOutputHelper output)
    : IClassFixture<CountingPasswordHasherIdpFactory>
{
    [Fact]
    public async Task UnknownEmailCostsTheSamePasswordCheckAsAKnownOne()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);

        var known = await ChecksMadeAsync(() => page.SubmitExpectingFailureAsync(user.Email, "not the password at all"));
        var unknown = await ChecksMadeAsync(() => page.SubmitExpectingFailureAsync(Seed.UniqueId("nobody") + "@clinic.test", "not the password at all"));

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task KnownAndUnknownEmailsTakeAsLongToRefuse()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await Seed.UserAsync(factory));
        }

        using var browser = factory.NewBrowser();
        var page = await SignInPage.OpenAsync(browser);
        await TimeAsync(page, users[0].Email); // the first request compiles code and queries: not what this compares
        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            known.Add(await TimeAsync(page, users[attempt % users.Count].Email)); // two tries each: below the lockout
            unknown.Add(await TimeAsync(page, Seed.UniqueId("nobody") + "@clinic.test"));
        }

        // Not a speed test: an unequalised page differs by a whole PBKDF2 check (about 240 ms here, the median itself),
        // while noise on a busy two-core machine stays well under a third of it.
        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        output.WriteLine($"Known: {knownMedian.TotalMilliseconds:F0} ms, unknown: {unknownMedian.TotalMilliseconds:F0} ms (medians).");
        var tolerance = TimeSpan.FromTicks(Math.Max(knownMedian.Ticks, unknownMedian.Ticks) / 3);
        Assert.True((knownMedian - unknownMedian).Duration() < tolerance,
            $"Medians {knownMedian.TotalMilliseconds:F0} ms (known) and {unknownMedian.TotalMilliseconds:F0} ms (unknown) differ by more than {tolerance.TotalMilliseconds:F0} ms.");
    }

    private async Task<int> ChecksMadeAsync(Func<Task> act)
    {
        var before = factory.Verifications;
        await act();
        return factory.Verifications - before;
    }

    private static async Task<TimeSpan> TimeAsync(SignInPage page, string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await page.SubmitAsync(email, "not the password at all");
        return watch.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
