namespace ClinikoIdP.Server.Features.Passkeys;

public static class PasskeyServices
{
    /// <summary>Passkeys (WebAuthn) with ASP.NET Core Identity's handler and ClinikoIdP's own ceremony state and rules.</summary>
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddSingleton<PasskeyRelyingParty>();
        services.AddScoped<PasskeyHandlers>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeyCredentials>();
        services.AddScoped<PasskeyRegistration>();
        services.AddScoped<PasskeyVerifier>();
        services.AddSingleton<PasskeyAccess>();
        return services;
    }
}
