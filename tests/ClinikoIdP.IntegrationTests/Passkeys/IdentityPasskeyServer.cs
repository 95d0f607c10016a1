using ClinikoIdP.TestSupport.WebAuthn;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>
/// ASP.NET Core Identity's own <see cref="PasskeyHandler{TUser}"/> over an in-memory store, playing the relying party
/// at <see cref="Origin"/>: the server side a software authenticator must satisfy.
/// </summary>
internal sealed class IdentityPasskeyServer : IDisposable
{
    public const string Origin = "https://idp.clinic.test";

    private readonly ServiceProvider services;
    private readonly PasskeyHandler<TestUser> handler;

    public IdentityPasskeyServer(string userVerification = "required")
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddIdentityCore<TestUser>();
        collection.AddSingleton<IUserStore<TestUser>, InMemoryPasskeyStore>();
        services = collection.BuildServiceProvider();
        Users = services.GetRequiredService<UserManager<TestUser>>();
        handler = new PasskeyHandler<TestUser>(
            Users, Options.Create(new IdentityPasskeyOptions { UserVerificationRequirement = userVerification }));
    }

    public UserManager<TestUser> Users { get; }

    public async Task<TestUser> NewUserAsync(string name)
    {
        var user = new TestUser(Guid.NewGuid().ToString(), name);
        await Users.CreateAsync(user);
        return user;
    }

    /// <summary>Registers a passkey made by <paramref name="authenticator"/> and stores it, as the server would.</summary>
    public async Task<Registration> RegisterAsync(TestUser user, SoftwareAuthenticator authenticator)
    {
        var http = Request();
        var entity = new PasskeyUserEntity { Id = user.Id, Name = user.UserName, DisplayName = user.UserName };
        var options = await handler.MakeCreationOptionsAsync(entity, http);
        var credentialJson = authenticator.Create(options.CreationOptionsJson, Origin);
        var result = await handler.PerformAttestationAsync(
            new PasskeyAttestationContext { HttpContext = http, CredentialJson = credentialJson, AttestationState = options.AttestationState });
        if (result.Succeeded)
        {
            await Users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        }

        return new(options.CreationOptionsJson, credentialJson, result);
    }

    /// <summary>Asks <paramref name="authenticator"/> to sign in, for <paramref name="user"/> or passwordless when null.</summary>
    public async Task<PasskeyAssertionResult<TestUser>> SignInAsync(SoftwareAuthenticator authenticator, TestUser? user = null)
    {
        var http = Request();
        var options = await handler.MakeRequestOptionsAsync(user, http);
        var credentialJson = authenticator.Get(options.RequestOptionsJson, Origin);
        var result = await handler.PerformAssertionAsync(
            new PasskeyAssertionContext { HttpContext = http, CredentialJson = credentialJson, AssertionState = options.AssertionState });
        if (result.Succeeded)
        {
            await Users.AddOrUpdatePasskeyAsync(result.User, result.Passkey);
        }

        return result;
    }

    public void Dispose() => services.Dispose();

    public sealed record Registration(string OptionsJson, string CredentialJson, PasskeyAttestationResult Result);

    private static DefaultHttpContext Request()
    {
        // Identity takes the RP ID from Request.Host and, by default, accepts only a clientDataJSON origin equal to the
        // request's Origin header: a browser's fetch from the sign-in page sends both.
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString(new Uri(Origin).Host);
        http.Request.Headers.Origin = Origin;
        return http;
    }
}
