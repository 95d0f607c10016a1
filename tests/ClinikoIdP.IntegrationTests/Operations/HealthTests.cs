using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Operations;

namespace ClinikoIdP.IntegrationTests.Operations;

public class HealthTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task LivenessAnswersHealthyWithoutCaching()
    {
        var response = await factory.NewBackChannel().GetAsync(OperationsPaths.Live);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadinessReportsTheDatabaseAndTheSigningKey()
    {
        var response = await factory.NewBackChannel().GetAsync(OperationsPaths.Ready);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("database").GetString());
        Assert.Equal("healthy", checks.GetProperty("signing_key").GetString());
    }

    [Fact]
    public async Task ProbesNeedNoCookiesAndAreNeverRedirected()
    {
        using var browser = factory.NewBrowser();

        foreach (var path in new[] { OperationsPaths.Live, OperationsPaths.Ready })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);
        }
    }

    [Fact]
    public async Task MetricsAreNotServedUnlessConfigured()
    {
        var response = await factory.NewBackChannel().GetAsync(OperationsPaths.Metrics);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
