using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Appointments.Tokens;

public static class AccessTokenServices
{
    public static IServiceCollection AddAccessTokens(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<TokenRefresher>(AccessTokens.IdpClient);
        services.AddScoped<AccessTokens>();
        return services;
    }
}
