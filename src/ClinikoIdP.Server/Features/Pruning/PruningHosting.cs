using ClinikoIdP.Server.Hosting;

namespace ClinikoIdP.Server.Features.Pruning;

public static class PruningHosting
{
    public static IServiceCollection AddIdpPruning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PruningOptions>().Bind(configuration.GetSection(IdpOptions.Section))
            .Validate(options => options.PruneInterval > TimeSpan.Zero, "IdP:PruneInterval must be positive.")
            .Validate(options => options.PruneAfter >= TimeSpan.Zero, "IdP:PruneAfter must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<SpentTokenPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<SpentTokenPruner>());
        return services;
    }
}
