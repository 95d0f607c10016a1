using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>The server with its password hasher wrapped to count the checks it makes (the expensive PBKDF2 work).</summary>
public sealed class CountingPasswordHasherIdpFactory : IdpFactory
{
    private int verifications;

    /// <summary>How many password checks the server has made so far.</summary>
    public int Verifications => Volatile.Read(ref verifications);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IPasswordHasher<ClinicUser>));
            services.Remove(registered);
            services.Add(new ServiceDescriptor(typeof(IPasswordHasher<ClinicUser>),
                provider => new CountingHasher(Create(registered, provider), this), registered.Lifetime));
        });
    }

    private static IPasswordHasher<ClinicUser> Create(ServiceDescriptor registered, IServiceProvider provider) =>
        (IPasswordHasher<ClinicUser>)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));

    private sealed class CountingHasher(IPasswordHasher<ClinicUser> inner, CountingPasswordHasherIdpFactory owner) : IPasswordHasher<ClinicUser>
    {
        public string HashPassword(ClinicUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ClinicUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref owner.verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
