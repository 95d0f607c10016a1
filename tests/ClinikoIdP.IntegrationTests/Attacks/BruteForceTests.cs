using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.RateLimits;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// NIST SP 800-63B-4 §3.2.2 and OWASP ASVS 5.0 V6.3: guessing is throttled per account for every factor, and codes
/// sprayed across many accounts from one address are refused too. Passwords and TOTP codes per account:
/// <see cref="SignIn.SignInPageTests"/>, <see cref="TwoFactor.SecondFactorTests"/>; passwords per address:
/// <see cref="SignInRateLimitTests"/>.
/// </summary>
public class BruteForceTests(BruteForceIdpFactory factory) : IClassFixture<BruteForceIdpFactory>
{
    private const string WellFormedWrongBackupCode = "ZZZZ-ZZZZ-ZZZZ-ZZZZ";

    [Fact]
    public async Task WrongBackupCodesLockTheAccountLikeWrongTotpCodes()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var cookies = new CookieContainer();
        // Each guess from a new address, so only the account's lockout can stop them.
        using var first = new AddressedClient(factory, "198.51.100.90", cookies);
        var form = await PendingSecondFactorAsync(first, enrolled.User);

        var errors = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var guesser = new AddressedClient(factory, $"198.51.100.{90 + attempt}", cookies);
            var code = attempt <= 5 ? WellFormedWrongBackupCode : enrolled.BackupCodes[0];
            errors.Add((await PageDocument.ReadAsync(await guesser.PostAsync(form.Set("Input.Code", code)), SecondFactorPage.Path))
                .FieldError("Input.Code"));
        }

        Assert.All(errors.Take(4), error => Assert.Contains("wrong", error, StringComparison.Ordinal));
        Assert.All(errors.Skip(4), error => Assert.Contains("locked", error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CodesSprayedAcrossAccountsFromOneAddressAreRefused()
    {
        var victims = new List<EnrolledUser>();
        for (var i = 0; i < 4; i++)
        {
            victims.Add(await TwoFactorJourneys.EnrolNewUserAsync(factory));
        }

        const string Attacker = "203.0.113.77";
        var answers = new List<HttpStatusCode>();
        foreach (var victim in victims)
        {
            using var browser = new AddressedClient(factory, Attacker);
            var form = await PendingSecondFactorAsync(browser, victim.User);
            for (var attempt = 0; attempt < 2; attempt++)
            {
                answers.Add((await browser.PostAsync(form.Set("Input.Code", victim.App.WrongCode()))).StatusCode);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, BruteForceIdpFactory.SecondFactorPerAddress), answers.Take(BruteForceIdpFactory.SecondFactorPerAddress));
        Assert.All(answers.Skip(BruteForceIdpFactory.SecondFactorPerAddress), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        using var elsewhere = new AddressedClient(factory, "203.0.113.78");
        var fresh = await PendingSecondFactorAsync(elsewhere, victims[^1].User);
        Assert.Equal(HttpStatusCode.SeeOther, (await elsewhere.PostAsync(fresh.Set("Input.Code", victims[^1].App.Code()))).StatusCode);
    }

    private static async Task<HtmlForm> PendingSecondFactorAsync(AddressedClient browser, TestUser user)
    {
        var password = await browser.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, password.StatusCode);
        return await browser.ReadFormAsync(SecondFactorPage.Path, "Input.Code");
    }
}
