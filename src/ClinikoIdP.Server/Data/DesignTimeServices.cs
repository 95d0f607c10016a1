using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Data;

internal static class DesignTimeServices
{
    // Identity reads its schema version (3: passkeys) from the application's IdentityOptions, as the server sets it.
    public static IServiceProvider Build() => new ServiceCollection()
        .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentityHosting.SchemaVersion)
        .BuildServiceProvider();
}
