using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.RegistrationCache;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.UnitTests.RegistrationCache;

public class EntityCopyTests
{
    private static Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        using var db = new IdpDbContext(new DbContextOptionsBuilder<IdpDbContext>().UseSqlite("Data Source=:memory:").UseOpenIddict().Options);
        return db.Model;
    }

    [Fact]
    public void EveryColumnOfAClientIsCopiedIntoANewInstance()
    {
        var client = new OpenIddictEntityFrameworkCoreApplication
        {
            Id = "id-1",
            ApplicationType = "web",
            ClientId = "billing",
            ClientSecret = "sha256:abc",
            ClientType = "confidential",
            ConcurrencyToken = "token-1",
            ConsentType = "implicit",
            DisplayName = "Billing",
            DisplayNames = "{}",
            JsonWebKeySet = "{\"keys\":[]}",
            Permissions = "[\"ept:token\"]",
            PostLogoutRedirectUris = "[]",
            Properties = "{\"disabled\":false}",
            RedirectUris = "[\"https://billing.test/cb\"]",
            Requirements = "[\"ft:pkce\"]",
            Settings = "{}",
        };

        var copy = new EntityCopy<OpenIddictEntityFrameworkCoreApplication>(Model()).Copy(client);

        Assert.NotSame(client, copy);
        foreach (var property in typeof(OpenIddictEntityFrameworkCoreApplication).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.Equal(property.GetValue(client), property.GetValue(copy));
        }

        copy.DisplayName = "Changed";
        Assert.Equal("Billing", client.DisplayName);
    }

    [Fact]
    public void EveryColumnOfAScopeIsCopied()
    {
        var scope = new OpenIddictEntityFrameworkCoreScope
        {
            Id = "id-2",
            ConcurrencyToken = "token-2",
            Name = "patient-api",
            DisplayName = "Patient records",
            Description = "Read patient records",
            Resources = "[\"patient-api\"]",
            Properties = "{}",
        };

        var copy = new EntityCopy<OpenIddictEntityFrameworkCoreScope>(Model()).Copy(scope);

        Assert.NotSame(scope, copy);
        Assert.Equivalent(scope, copy);
    }
}
