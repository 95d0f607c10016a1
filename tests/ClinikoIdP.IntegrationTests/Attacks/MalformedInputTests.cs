using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Connect;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// Oversized and malformed input on every address and every form (a megabyte parameter, invalid UTF-8 escapes, null
/// bytes, duplicated parameters) gets a clean refusal or the ordinary page, never a 500. The anti-forgery token is sent
/// so the forms' own model binding and handlers see the input, not just the anti-forgery filter.
/// </summary>
public class MalformedInputTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    private static readonly string[] ProtocolEndpoints =
    [
        ConnectRoutes.Authorize, ConnectRoutes.Token, ConnectRoutes.UserInfo, ConnectRoutes.EndSession,
        ConnectRoutes.Introspection, ConnectRoutes.Revocation, ConnectRoutes.Discovery, ConnectRoutes.Jwks,
    ];

    /// <summary>A megabyte in the fields nearly every page reads.</summary>
    private static readonly string Oversized = "ReturnUrl=" + Megabyte + "&Input.Email=" + Megabyte;

    /// <summary>Invalid UTF-8 escapes, duplicated and nonsense names, already escaped as an attacker sends them.</summary>
    private const string Malformed =
        "ReturnUrl=%FF%FE%C3%28&ReturnUrl=%2Fb&Input.Email=%C0%AF%40clinic.test&Input.Email=b&Input.Code=%E2%82&Input.Code=2"
        + "&client_id=%FF&client_id=b&token=%FE&status=%FF&%=%&&=&==&%ZZ=%G1&Input.Email.Length=3";

    /// <summary>Null bytes, which the framework's form reader refuses to decode at all.</summary>
    private const string NullBytes = "ReturnUrl=%2Fa%00b&Input.Email=a%00%40clinic.test&Input.Code=12%0034&client_id=a%00&token=%00";

    [Fact]
    public async Task EveryAddressAnswersMalformedQueriesWithoutAServerError()
    {
        var urls = AdminRouteCatalogue.AllUrls(factory).Concat(ProtocolEndpoints.Select(e => "/" + e));
        using var admin = await AdminConsole.SignInAsync(factory);
        using var anonymous = factory.NewBrowser();

        var failures = new List<string>();
        foreach (var url in urls)
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            await RecordServerErrorAsync(failures, $"GET {url} oversized", anonymous.GetAsync(url + separator + Oversized));
            await RecordServerErrorAsync(failures, $"GET {url} malformed (admin)", admin.Browser.GetAsync(url + separator + Malformed + "&" + NullBytes));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryFormAnswersMalformedBodiesWithoutAServerError()
    {
        var handlers = await PostHandlerCatalogue.AllAsync(factory);
        using var admin = new SignedInAdministrator(factory);
        using var anonymous = factory.NewBrowser();
        var anonymousToken = (await SignInPage.OpenAsync(anonymous)).AntiforgeryToken!;

        var failures = new List<string>();
        foreach (var url in handlers.Select(h => h.Url).Concat(ProtocolEndpoints.Select(e => "/" + e)))
        {
            await RecordServerErrorAsync(failures, $"POST {url} malformed", PostRawAsync(anonymous, url, anonymousToken, Malformed));
            await RecordServerErrorAsync(failures, $"POST {url} malformed (admin)", admin.PostRawAsync(url, Malformed));
            await RecordServerErrorAsync(failures, $"POST {url} null bytes (admin)", admin.PostRawAsync(url, NullBytes));
            await RecordServerErrorAsync(failures, $"POST {url} oversized (admin)", admin.PostRawAsync(url, Oversized));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(admin.SignIns > 1, "No form signed the administrator out, so the re-sign-in below was never needed.");
    }

    private static Task<HttpResponseMessage> PostRawAsync(Browser browser, string url, string token, string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{payload}"),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return browser.SendAsync(request);
    }

    /// <summary>
    /// An administrator's browser that is signed in before every post. Some forms (sign-out, the answer to the logout
    /// question) end the session on a well-formed token, and every post after them would otherwise be anonymous.
    /// </summary>
    private sealed class SignedInAdministrator(IdpFactory factory) : IDisposable
    {
        private AdminConsole? console;
        private string token = "";

        public int SignIns { get; private set; }

        public async Task<HttpResponseMessage> PostRawAsync(string url, string payload)
        {
            if (console?.Browser.HasSessionCookie != true)
            {
                console?.Dispose();
                console = await AdminConsole.SignInAsync(factory);
                token = (await console.OpenAsync("/admin/scopes/new")).Document
                    .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
                SignIns++;
            }

            return await MalformedInputTests.PostRawAsync(console.Browser, url, token, payload);
        }

        public void Dispose() => console?.Dispose();
    }

    private static async Task RecordServerErrorAsync(List<string> failures, string what, Task<HttpResponseMessage> sending)
    {
        try
        {
            using var response = await sending;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{what}: {(int)response.StatusCode}");
            }
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            failures.Add($"{what}: {exception.GetType().Name} {exception.Message}");
        }
    }
}
