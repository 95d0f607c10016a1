using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.TestSupport.WebAuthn;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>
/// What passkeys.js does with a page's passkey panel, over real HTTP: read the endpoints and the anti-forgery token
/// from the HTML, fetch the options, let the (software) authenticator answer, post the answer as JSON.
/// </summary>
public sealed class PasskeyPanel
{
    public const string Origin = "https://localhost";

    private readonly Browser browser;

    private PasskeyPanel(Browser browser, string optionsUrl, string submitUrl, string token)
    {
        this.browser = browser;
        OptionsUrl = optionsUrl;
        SubmitUrl = submitUrl;
        Token = token;
    }

    public string OptionsUrl { get; }

    public string SubmitUrl { get; }

    public string Token { get; }

    /// <summary>Reads the panel of the page the response shows (status 200 expected).</summary>
    public static async Task<PasskeyPanel> ReadAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Browser.ParseAsync(response);
        var panel = document.QuerySelector("[data-passkey]")
            ?? throw new InvalidOperationException($"No passkey panel on {response.RequestMessage?.RequestUri}.");
        var token = document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No anti-forgery token on the page.");
        return new PasskeyPanel(browser, panel.GetAttribute("data-options-url")!, panel.GetAttribute("data-submit-url")!, token);
    }

    public static async Task<PasskeyPanel> OpenAsync(Browser browser, string url) =>
        await ReadAsync(browser, await browser.NavigateAsync(url));

    public Task<HttpResponseMessage> FetchOptionsAsync() => PostAsync(OptionsUrl, "{}");

    public Task<HttpResponseMessage> SubmitAsync(string credentialJson, string? name = null) =>
        PostAsync(SubmitUrl, JsonSerializer.Serialize(new { name, credential = JsonDocument.Parse(credentialJson).RootElement }));

    public async Task<string> OptionsAsync()
    {
        var response = await FetchOptionsAsync();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    /// <summary>Adds a passkey: the whole create() ceremony; returns where the server sends the page next.</summary>
    public async Task<string> CreateAsync(SoftwareAuthenticator authenticator, string name = "Test laptop")
    {
        var answer = authenticator.Create(await OptionsAsync(), Origin);
        return await NextAsync(await SubmitAsync(answer, name));
    }

    /// <summary>Uses a passkey: the whole get() ceremony; returns where the server sends the page next.</summary>
    public async Task<string> GetAsync(SoftwareAuthenticator authenticator) =>
        await NextAsync(await SubmitAsync(authenticator.Get(await OptionsAsync(), Origin)));

    /// <summary>The JSON answer's redirectTo, failing with its error otherwise.</summary>
    public static async Task<string> NextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("redirectTo").GetString()!;
    }

    /// <summary>The JSON answer's error sentence (the response must be a refusal).</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode >= 400, $"Expected a refusal, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
    }

    public Task<HttpResponseMessage> PostAsync(string url, string json, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", Token);
        }

        return browser.SendAsync(request);
    }
}
