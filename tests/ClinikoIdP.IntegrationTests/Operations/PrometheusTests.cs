using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Operations;

namespace ClinikoIdP.IntegrationTests.Operations;

public class PrometheusTests(PrometheusIdpFactory factory) : IClassFixture<PrometheusIdpFactory>
{
    [Fact]
    public async Task TheMonitoringNetworkReadsPrometheusText()
    {
        var machine = await Seed.MachineClientAsync(factory);
        (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        var response = await factory.NewBackChannel().GetAsync(OperationsPaths.Metrics);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("clinikoidp_tokens_issued", text, StringComparison.Ordinal);
        Assert.Contains("grant_type=\"client_credentials\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherAddressesGetNotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OperationsPaths.Metrics);
        request.Headers.Add(PrometheusIdpFactory.CallerHeader, "203.0.113.9");

        var response = await factory.NewBackChannel().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
