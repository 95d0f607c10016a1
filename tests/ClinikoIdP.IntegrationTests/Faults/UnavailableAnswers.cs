using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Faults;

/// <summary>What people and programs are told while the database is unreachable.</summary>
public static class UnavailableAnswers
{
    public const string Explanation = "can't reach its database";

    /// <summary>A page: 503, Retry-After, and the explanation in plain words.</summary>
    public static async Task AssertPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Explanation, (await Browser.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A machine endpoint: 503, Retry-After and the OAuth error temporarily_unavailable.</summary>
    public static async Task AssertJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("temporarily_unavailable", body.RootElement.GetProperty("error").GetString());
        Assert.Contains(Explanation, body.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}
