using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.Server.Features.AccountNotifications;

public static class AccountNotificationServices
{
    /// <summary>Security notifications by email, for the web server and the admin command line alike.</summary>
    public static IServiceCollection AddAccountNotifications(this IServiceCollection services) =>
        services.AddScoped<ISecurityEventObserver, AccountNotifier>();
}
