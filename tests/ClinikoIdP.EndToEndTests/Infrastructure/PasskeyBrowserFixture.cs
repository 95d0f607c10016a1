using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// A browser and a server reached as http://localhost:PORT: WebAuthn refuses an IP address as its RP ID, and
/// localhost is a secure context without TLS. The clinic lets passkeys sign in on their own, so the passwordless
/// story can run (the others never use the button).
/// </summary>
public sealed class PasskeyBrowserFixture : BrowserFixture
{
    public PasskeyBrowserFixture()
        : base(new IdpServer(email: false, hostName: "localhost"))
    {
    }

    public async Task AllowPasswordlessAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        if (await db.OrganisationSettings.FindAsync("PasswordlessPasskeys") is null)
        {
            db.OrganisationSettings.Add(new OrganisationSettingRecord { Name = "PasswordlessPasskeys", Value = "true" });
            await db.SaveChangesAsync();
        }
    }
}
