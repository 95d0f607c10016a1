using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinikoIdP.Server.Data;

// Lets `dotnet ef` build the model without running Program.cs (and so without starting the server).
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        // Identity reads its schema version (3: passkeys) from the application's IdentityOptions, as the server sets it.
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentityHosting.SchemaVersion)
            .BuildServiceProvider();
        var options = new DbContextOptionsBuilder<IdpDbContext>()
            .UseApplicationServiceProvider(services)
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(IdpDbContext).Assembly.FullName))
            .Options;
        return new IdpDbContext(options);
    }
}
