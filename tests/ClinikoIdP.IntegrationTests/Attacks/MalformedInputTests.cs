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

    /// <summary>Raw query strings or form bodies, already escaped as an attacker would send them.</summary>
    private static readonly string[] Payloads =
    [
        "ReturnUrl=" + Megabyte + "&Input.Email=" + Megabyte + "&Input.Code=" + Megabyte + "&client_id=" + Megabyte,
        "ReturnUrl=%FF%FE%C3%28&Input.Email=%C0%AF%ED%A0%80&Input.Code=%E2%82&client_id=%FF&token=%FE",
        "ReturnUrl=%2Fa%00b&Input.Email=a%00%40clinic.test&Input.Code=12%0034&client_id=a%00&token=%00",
        "ReturnUrl=%2Fa&ReturnUrl=%2Fb&Input.Email=a&Input.Email=b&Input.Code=1&Input.Code=2&client_id=a&client_id=b",
        "%=%&&=&==&%ZZ=%G1&Input.Email[]=a&Input.Email.Length=3",
    ];

    [Fact]
    public async Task EveryAddressAnswersMalformedQueriesWithoutAServerError()
    {
        var urls = AdminRouteCatalogue.AllUrls(factory).Concat(ProtocolEndpoints.Select(e => "/" + e));
        using var admin = await AdminConsole.SignInAsync(factory);
        using var anonymous = factory.NewBrowser();

        var failures = new List<string>();
        foreach (var url in urls)
        {
            foreach (var (payload, index) in Payloads.Select((p, i) => (p, i)))
            {
                var target = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + payload;
                await RecordServerErrorAsync(failures, $"GET {url} payload {index}", anonymous.GetAsync(target));
                await RecordServerErrorAsync(failures, $"GET {url} payload {index} (admin)", admin.Browser.GetAsync(target));
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryFormAnswersMalformedBodiesWithoutAServerError()
    {
        var handlers = await PostHandlerCatalogue.AllAsync(factory);
        using var admin = await AdminConsole.SignInAsync(factory);
        using var anonymous = factory.NewBrowser();
        var adminToken = (await admin.OpenAsync("/admin/scopes/new")).Document
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var anonymousToken = (await SignInPage.OpenAsync(anonymous)).AntiforgeryToken!;

        var failures = new List<string>();
        foreach (var url in handlers.Select(h => h.Url).Concat(ProtocolEndpoints.Select(e => "/" + e)))
        {
            foreach (var (payload, index) in Payloads.Select((p, i) => (p, i)))
            {
                await RecordServerErrorAsync(failures, $"POST {url} payload {index}", PostRawAsync(anonymous, url, anonymousToken, payload));
                await RecordServerErrorAsync(failures, $"POST {url} payload {index} (admin)", PostRawAsync(admin.Browser, url, adminToken, payload));
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
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
