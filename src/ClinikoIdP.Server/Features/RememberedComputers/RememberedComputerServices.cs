namespace ClinikoIdP.Server.Features.RememberedComputers;

public static class RememberedComputerServices
{
    public static IServiceCollection AddRememberedComputers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RememberComputersOptions>().Bind(configuration.GetSection(RememberComputersOptions.Section));
        services.AddSingleton<RememberedComputerCookie>();
        services.AddScoped<RememberedComputerSignIn>();
        services.AddScoped<RememberedComputerList>();
        return services;
    }
}
