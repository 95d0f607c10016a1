using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Faults;
using ClinikoIdP.Server.Features.Operations;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>Runs its tests one after another (one class, one server): each takes the database down and brings it back.</summary>
public class ReadinessDuringOutageTests(OutageIdpFactory factory) : IClassFixture<OutageIdpFactory>
{
    [Fact]
    public async Task ReadinessFailsWhileTheDatabaseIsDownAndRecoversAfter()
    {
        var probe = factory.NewBackChannel();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Ready)).StatusCode);

        factory.Outage.Down = true;
        try
        {
            var ready = await probe.GetAsync(OperationsPaths.Ready);
            var body = await ready.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
            Assert.DoesNotContain("db.internal", body, StringComparison.Ordinal);
            Assert.DoesNotContain("simulated", body, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Live)).StatusCode);
        }
        finally
        {
            factory.Outage.Down = false;
        }

        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Ready)).StatusCode);
    }

    [Fact]
    public async Task ReadinessFailsFastWhenTheDatabaseHangs()
    {
        var probe = factory.NewBackChannel();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Ready)).StatusCode);

        factory.Outage.Hung = true;
        try
        {
            var clock = Stopwatch.StartNew();
            var ready = await probe.GetAsync(OperationsPaths.Ready);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Readiness took {clock.Elapsed}.");
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(OperationsPaths.Live)).StatusCode);
        }
        finally
        {
            factory.Outage.Hung = false;
        }
    }
}
