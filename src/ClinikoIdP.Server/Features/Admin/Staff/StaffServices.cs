namespace ClinikoIdP.Server.Features.Admin.Staff;

public static class StaffServices
{
    /// <summary>The services behind the console's staff pages.</summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services)
    {
        services.AddScoped<StaffDirectory>();
        services.AddScoped<AuthorizedApps>();
        return services;
    }
}
