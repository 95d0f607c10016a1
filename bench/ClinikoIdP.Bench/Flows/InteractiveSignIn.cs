namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// What a receptionist does in a browser: open the app (authorize), type the password, then the authenticator code
/// (or, the first time, scan the key and confirm it, and save the backup codes), and land back in the app with a code,
/// which the app redeems at the token endpoint.
/// </summary>
public sealed class InteractiveSignIn(Uri identityProvider, BenchWebClient client)
{
    private const string EnrolPath = "/enrol";
    private const string SecondFactorPath = "/two-factor";
    private const string BackupCodesPath = "/backup-codes";

    /// <summary>Signs the user in from a new browser; enrols their authenticator first if they have none yet.</summary>
    public async Task<SignedIn> RunAsync(BenchUser user, HttpClient tokenHttp)
    {
        var browser = new BenchBrowser(identityProvider);
        try
        {
            var request = AuthorizationRequest.New(client);
            var signInPage = await browser.NavigateAsync(request.Url);
            var next = await browser.SubmitAsync(signInPage, "Input.Password",
                new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
            next = PathOf(next) switch
            {
                SecondFactorPath when user.App is { } app =>
                    await browser.SubmitAsync(next, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = app.NextCode() }),
                EnrolPath when user.App is null => await EnrolAsync(browser, next, user),
                var path => throw new FlowFailedException($"after the password the browser was at {path} ({(int)next.StatusCode})"),
            };
            var code = request.CodeFrom(next);
            var tokens = await client.RedeemCodeAsync(tokenHttp, code, request.Verifier);
            return new SignedIn(browser, tokens);
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> EnrolAsync(BenchBrowser browser, HttpResponseMessage enrolPage, BenchUser user)
    {
        var key = await BenchBrowser.TextOfAsync(enrolPage, "p.secret-key code")
            ?? throw new FlowFailedException("the enrolment page shows no key");
        var app = new AuthenticatorApp(key);
        var codes = await browser.SubmitAsync(enrolPage, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = app.NextCode() });
        if (PathOf(codes) != BackupCodesPath)
        {
            throw new FlowFailedException($"confirming the authenticator led to {PathOf(codes)} ({(int)codes.StatusCode})");
        }

        user.App = app;
        return await browser.SubmitAsync(codes, "Saved", new Dictionary<string, string> { ["Saved"] = "true" });
    }

    private static string PathOf(HttpResponseMessage response) => response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
}

/// <summary>A finished sign-in: the browser (holding the session cookie) and the app's tokens.</summary>
public sealed record SignedIn(BenchBrowser Browser, TokenResponse Tokens) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}
