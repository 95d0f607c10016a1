using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinikoIdP.Server.Data;

// Lets `dotnet ef` build the SQLite model without running Program.cs (and so without starting the server).
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>()
            .UseApplicationServiceProvider(DesignTimeServices.Build())
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(IdpDbContext).Assembly.FullName))
            .Options;
        return new IdpDbContext(options);
    }
}
