using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.SingleLogout;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.SingleLogout;

/// <summary>The server with its back-channel logout calls going to <see cref="FakeLogoutReceivers"/>.</summary>
public sealed class SingleLogoutIdpFactory : IdpFactory
{
    public FakeLogoutReceivers Receivers { get; } = new();

    /// <summary>Delivers the notices that are due now, as the background sender does every second.</summary>
    public Task<int> DeliverDueAsync() =>
        Services.GetRequiredService<BackChannelLogoutSender>().DeliverDueAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The tests deliver by hand: the background loop (on the fake clock) would race them whenever the clock moves.
        builder.UseSetting("IdP:BackChannelLogoutPollInterval", "30.00:00:00");
        builder.ConfigureTestServices(services => services
            .AddHttpClient(BackChannelLogoutSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Receivers));
    }
}
