using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Faults;

/// <summary>The server with a switch that takes its database away (<see cref="Outage"/>).</summary>
public sealed class OutageIdpFactory : IdpFactory
{
    public OutageIdpFactory()
        : base(TwoFactorEnforcement.Always)
    {
    }

    public DatabaseOutage Outage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<IdpDbContext>(options => options.AddInterceptors(Outage)));
    }
}
