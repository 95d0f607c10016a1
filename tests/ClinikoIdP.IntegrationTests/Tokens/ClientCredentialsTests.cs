using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Tokens;

/// <summary>Machine-to-machine access: the client credentials grant for a client registered with --client-credentials.</summary>
public class ClientCredentialsTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task MachineClientGetsAnAccessTokenForTheApiWithItselfAsSubject()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = (await machine.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();

        var accessToken = await machine.Tokens.ValidateAccessTokenAsync(tokens.AccessToken!, Seed.ApiResource);
        Assert.Equal(machine.ClientId, accessToken.Subject);
        Assert.Equal([Seed.ApiResource], accessToken.Audiences);
        Assert.Null(tokens.IdToken);
        Assert.Null(tokens.RefreshToken);
    }

    [Fact]
    public async Task MachineClientCanUseClientSecretPost()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = await machine.ClientCredentialsAsync(Seed.ApiScope, ClientAuthentication.ClientSecretPost);

        tokens.EnsureSuccess();
    }

    [Fact]
    public async Task MachineClientWithoutASecretGetsNoToken()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = await machine.ClientCredentialsAsync(Seed.ApiScope, ClientAuthentication.None);

        // RFC 6749 §5.2 names invalid_client for "no client authentication included"; OpenIddict answers this
        // grant's missing secret earlier, with invalid_request (ID2057). Either way: refused, no token.
        Assert.True(tokens.Error is "invalid_client" or "invalid_request", $"Got {tokens.Error}.");
        Assert.True(tokens.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
        Assert.Null(tokens.AccessToken);
    }

    [Fact]
    public async Task MachineClientWithAWrongSecretIsAnInvalidClient()
    {
        var machine = await Seed.MachineClientAsync(factory);
        machine.Secret = "wrong-secret-of-enough-length";

        var tokens = await machine.ClientCredentialsAsync(Seed.ApiScope);

        Assert.Equal("invalid_client", tokens.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, tokens.Status);
    }

    [Fact]
    public async Task MachineClientCannotAskForAScopeItWasNotGiven()
    {
        var machine = await Seed.MachineClientAsync(factory);

        var tokens = await machine.ClientCredentialsAsync("email");

        // RFC 6749 §5.2 suggests invalid_scope; OpenIddict reports a scope the client has no permission for as
        // invalid_request (ID2051). Either way: refused, no token.
        Assert.True(tokens.Error is "invalid_scope" or "invalid_request", $"Got {tokens.Error}.");
        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Null(tokens.AccessToken);
    }

    [Fact]
    public async Task InteractiveClientCannotUseClientCredentials()
    {
        var client = await factory.StandardClientAsync();

        var tokens = await client.ClientCredentialsAsync(Seed.ApiScope);

        Assert.Equal("unauthorized_client", tokens.Error);
        Assert.Null(tokens.AccessToken);
    }
}
