using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClinikoIdP.IntegrationTests.Email;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>
/// A whole working day of one account, with every log event of the server kept at Trace level, then a search of those
/// logs for everything secret the day used: none may appear, in any message, value, scope or exception.
/// </summary>
public class LogSecretsTests(LogCapturingIdpFactory factory) : IClassFixture<LogCapturingIdpFactory>
{
    private readonly Secrets secrets = new();

    [Fact]
    public async Task AFullJourneyLeavesNoSecretInTheLogs()
    {
        var client = await Seed.ApiClientAsync(factory);
        var user = await Seed.UserAsync(factory);
        secrets.Add("client secret", client.Secret!);
        secrets.Add("password", user.Password);

        var enrolled = await EnrolAndUseTokensAsync(client, user);
        factory.Clock.Advance(AuthenticatorApp.Step);
        await SignInWithBackupCodeAsync(client, enrolled);
        factory.Clock.Advance(AuthenticatorApp.Step);
        await ResetPasswordAsync(enrolled);

        var leaks = secrets.FoundIn(factory.Logs.Entries);
        Assert.True(leaks.Count == 0, "Secrets in the logs:\n" + string.Join("\n", leaks));
        Assert.Contains(factory.Logs.Entries, entry => entry.Contains("/connect/token", StringComparison.Ordinal));
    }

    private async Task<EnrolledUser> EnrolAndUseTokensAsync(TestClient client, TestUser user)
    {
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var enrolment = await EnrolmentPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, user));
        var app = enrolment.Scan(factory.Clock);
        secrets.Add("TOTP secret", app.Secret);
        secrets.Add("TOTP secret as shown", enrolment.TypedKey);
        secrets.AddCode("TOTP code", app.Code());
        var (backupCodes, response) = await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, enrolment, app);
        foreach (var code in backupCodes)
        {
            secrets.Add("backup code", code);
            secrets.Add("backup code without dashes", code.Replace("-", "", StringComparison.Ordinal));
        }

        secrets.Add("authorization code", response.Code!);
        var (tokens, _) = await TwoFactorJourneys.RedeemAsync(client, request, response);
        secrets.AddTokens(tokens);
        var refreshed = (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
        secrets.AddTokens(refreshed);

        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.BackChannel.SendAsync(userInfo)).StatusCode);

        secrets.AddCookies(browser);
        await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = refreshed.IdToken,
            ["post_logout_redirect_uri"] = client.PostLogoutRedirectUri,
        }));
        return new EnrolledUser(user, app, backupCodes);
    }

    private async Task SignInWithBackupCodeAsync(TestClient client, EnrolledUser enrolled)
    {
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.BackupCodes[0]);
        secrets.AddCookies(browser);
        var remaining = await RemainingBackupCodesPage.ReadAsync(browser, landed);
        var response = AuthorizationResponse.FromRedirect(await browser.FollowAsync(await remaining.ContinueAsync()));
        secrets.Add("authorization code", response.Code!);
        var (tokens, _) = await TwoFactorJourneys.RedeemAsync(client, request, response);
        secrets.AddTokens(tokens);
    }

    private async Task ResetPasswordAsync(EnrolledUser enrolled)
    {
        using var browser = factory.NewBrowser();
        var answer = await PasswordResetSteps.SubmitAsync(browser, await PasswordResetSteps.OpenForgotPasswordAsync(browser), enrolled.User.Email);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var link = PasswordResetSteps.LinkIn(await WaitForResetEmailAsync(enrolled.User.Email));
        foreach (var (_, value) in QueryHelpers.ParseQuery(new Uri(link).Query))
        {
            secrets.Add("reset link token", value.ToString());
        }

        secrets.Add("new password", PasswordResetSteps.NewPassword);
        var landed = await PasswordResetSteps.ResetAsync(browser, link);
        secrets.AddCookies(browser);
        var code = enrolled.App.Code();
        secrets.AddCode("TOTP code", code);
        var secondFactor = await SecondFactorPage.ReadAsync(browser, landed);
        await browser.FollowAsync(await secondFactor.SubmitAsync(code));
        secrets.AddCookies(browser);
    }

    private async Task<MimeKit.MimeMessage> WaitForResetEmailAsync(string email)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var message = factory.Mail.To(email).FirstOrDefault(m => (m.Subject ?? "").EndsWith(": Reset your password", StringComparison.Ordinal));
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No reset email arrived.");
    }

    /// <summary>What must never be logged, each with a name for the failure message.</summary>
    private sealed class Secrets
    {
        private readonly List<(string Name, string Value, bool WholeNumber)> values = [];

        public void Add(string name, string value)
        {
            if (!string.IsNullOrEmpty(value) && !values.Exists(v => v.Value == value))
            {
                values.Add((name, value, false));
            }
        }

        /// <summary>A six-digit code: matched only as a whole number, so ids and timings that merely contain its digits do not count.</summary>
        public void AddCode(string name, string code) => values.Add((name, code, true));

        public void AddTokens(TokenResponse tokens)
        {
            foreach (var (name, token) in new[] { ("access token", tokens.AccessToken), ("refresh token", tokens.RefreshToken), ("id token", tokens.IdToken) })
            {
                Add(name, token ?? "");
                var parts = (token ?? "").Split('.');
                if (parts.Length >= 3)
                {
                    Add(name + " signature", parts[^1]);
                }
            }
        }

        public void AddCookies(Browser browser)
        {
            foreach (Cookie cookie in browser.Cookies.GetAllCookies())
            {
                Add($"cookie {cookie.Name}", cookie.Value);
            }
        }

        public List<string> FoundIn(IReadOnlyList<string> entries) =>
            [.. from secret in values
                from entry in entries
                where secret.WholeNumber
                    ? Regex.IsMatch(entry, $@"(?<!\d){secret.Value}(?!\d)")
                    : entry.Contains(secret.Value, StringComparison.Ordinal)
                select $"{secret.Name} in: {(entry.Length > 600 ? entry[..600] + "…" : entry)}"];
    }
}
