namespace ClinikoIdP.Server.Features.Invitations;

public static class InvitationServices
{
    /// <summary>Inviting staff by email: shared by the admin console, the command line and the acceptance page.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<StaffInvitations>();
        services.AddScoped<InvitationLookup>();
        return services;
    }
}
