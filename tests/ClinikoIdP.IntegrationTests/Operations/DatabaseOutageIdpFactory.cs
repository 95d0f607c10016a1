using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>The server with a database that tests can take down (<see cref="Outage"/>).</summary>
public sealed class DatabaseOutageIdpFactory : IdpFactory
{
    public DatabaseOutage Outage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<IdpDbContext>(options => options.AddInterceptors(Outage)));
    }
}
