using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.Server.Features.RegistrationCache;

public static class RegistrationCacheHosting
{
    /// <summary>
    /// Registered for the concrete entity types, so they take the place of OpenIddict's per-request caches
    /// (a closed registration wins over OpenIddict's open generic one).
    /// </summary>
    public static IServiceCollection AddRegistrationCache(this IServiceCollection services)
    {
        services.AddSingleton<ScopeSnapshot>();
        services.AddSingleton<ClientSnapshots>();
        services.AddSingleton(provider => new EntityCopy<OpenIddictEntityFrameworkCoreScope>(ModelOf(provider)));
        services.AddSingleton(provider => new EntityCopy<OpenIddictEntityFrameworkCoreApplication>(ModelOf(provider)));
        services.AddScoped<IOpenIddictScopeCache<OpenIddictEntityFrameworkCoreScope>, SharedScopeCache>();
        services.AddScoped<IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>, SharedClientCache>();
        services.AddSingleton<RegistrationWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<RegistrationWatcher>());
        return services;
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel ModelOf(IServiceProvider provider)
    {
        using var db = provider.GetRequiredService<IDbContextFactory<IdpDbContext>>().CreateDbContext();
        return db.Model;
    }
}
