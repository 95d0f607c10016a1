using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ClinikoIdP.Server.Features.Admin;

/// <summary>
/// Who may open the console: every page under <c>Features/Admin</c> needs a signed-in member of the Admin role
/// (403 otherwise) and a second factor passed within <see cref="AdminConsoleOptions.RecentSecondFactorWindow"/>.
/// </summary>
public static class AdminAccess
{
    public const string Policy = "AdminConsole";
    public const string Folder = "/Admin";

    public static IServiceCollection AddAdminConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminConsoleOptions>().Bind(configuration.GetSection(AdminConsoleOptions.Section));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(IdentityHosting.AdminRole));
        services.AddScoped<AdminStepUpFilter>();
        services.AddScoped<AdminAudit>();
        services.AddStaffConsole();
        return services;
    }

    public static void AddAdminConventions(this PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder(Folder, Policy);
        conventions.AddFolderApplicationModelConvention(Folder, model =>
        {
            model.Filters.Add(new ServiceFilterAttribute(typeof(AdminStepUpFilter)));
            model.Filters.Add(new NoImplicitPostAttribute());
        });
    }
}
