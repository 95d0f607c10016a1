using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

public static class OrganisationSettingsServices
{
    /// <summary>
    /// The settings service and writer, and the page filter that sends users without two-step verification to set it
    /// up while it is required. (Identity's user manager is replaced in <c>IdentityHosting</c>.)
    /// </summary>
    public static IServiceCollection AddOrganisationSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasskeyDefaultsOptions>().Bind(configuration.GetSection(PasskeyDefaultsOptions.Section));
        services.AddScoped<OrganisationSecurity>();
        services.AddScoped<OrganisationSettingsWriter>();
        services.AddScoped<RequireTwoFactorFilter>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<RequireTwoFactorFilter>());
        return services;
    }
}
