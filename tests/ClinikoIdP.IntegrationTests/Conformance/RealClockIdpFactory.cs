using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.SingleLogout;
using ClinikoIdP.Server.Features.SingleLogout;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// The server on the machine's real clock instead of the fake one, for the few conformance modules whose waiting
/// must be real at least once; its background back-channel logout sender runs on its own, into <see cref="Receivers"/>.
/// Tests on it validate tokens with <see cref="TimeProvider.System"/>, not <see cref="IdpFactory.Clock"/>.
/// </summary>
public sealed class RealClockIdpFactory : IdpFactory
{
    public FakeLogoutReceivers Receivers { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddHttpClient(BackChannelLogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Receivers);
        });
    }
}
