namespace ClinikoIdP.Server.Features.PasswordReset;

public static class PasswordResetServices
{
    public static IServiceCollection AddPasswordReset(this IServiceCollection services)
    {
        services.AddScoped<PasswordResetRequests>();
        services.AddScoped<PasswordResetCompletion>();
        return services;
    }
}
