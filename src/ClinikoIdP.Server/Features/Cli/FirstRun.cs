using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>What a new operator needs to hear when the server starts with no administrator.</summary>
public static class FirstRun
{
    public const string CreateAdministratorCommand =
        "dotnet run --project src/ClinikoIdP.Server -- admin user create --email you@clinic.example --password \"a long passphrase\" --name \"Your Name\" --admin";

    public static async Task<bool> AnyAdministratorAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var users = services.GetRequiredService<UserManager<ClinicUser>>();
        return (await users.GetUsersInRoleAsync(IdentityHosting.AdminRole)).Count > 0;
    }
}
