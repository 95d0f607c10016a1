using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.Extensions.Time.Testing;

namespace ClinikoIdP.IntegrationTests.PostgreSql;

/// <summary>
/// Two complete servers (nodes) sharing one fresh PostgreSQL database and one clock, second factors always required,
/// as behind a load balancer. Nothing passes between them but the database and the browser's cookies.
/// </summary>
public sealed class TwoNodes : IDisposable
{
    public TwoNodes()
    {
        Database = TestDatabase.CreatePostgreSql();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        A = IdpFactory.On(Database, TwoFactorEnforcement.Always, clock);
        B = IdpFactory.On(Database, TwoFactorEnforcement.Always, clock);
    }

    public TestDatabase Database { get; }

    public IdpFactory A { get; }

    public IdpFactory B { get; }

    public FakeTimeProvider Clock => A.Clock;

    /// <summary>The same registered client, speaking to the given node's back channel.</summary>
    public static TestClient On(IdpFactory node, TestClient client) =>
        new(node, client.ClientId, client.Secret, client.RedirectUri, client.PostLogoutRedirectUri);

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        Database.Dispose();
    }
}
