using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// The server on the machine's real clock instead of the fake one, for the few conformance modules whose waiting
/// must be real at least once. Tests on it validate tokens with <see cref="TimeProvider.System"/>, not <see cref="IdpFactory.Clock"/>.
/// </summary>
public sealed class RealClockIdpFactory : IdpFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(TimeProvider.System));
    }
}
