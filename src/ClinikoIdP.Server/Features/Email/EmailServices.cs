using ClinikoIdP.Server.Features.AccountLinks;

namespace ClinikoIdP.Server.Features.Email;

public static class EmailServices
{
    /// <summary>The outbox, the sender and account links: shared by the web server and the admin command line.</summary>
    public static IServiceCollection AddIdpEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<EmailDeliverySignal>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<EmailDelivery>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<AccountLinkStore>();
        services.AddScoped<AccountLinkUrls>();
        services.AddScoped<AccountLinkCookie>();
        return services;
    }

    /// <summary>The background delivery worker: web server only (the command line delivers what it queued itself).</summary>
    public static IServiceCollection AddEmailDeliveryWorker(this IServiceCollection services) =>
        services.AddHostedService<EmailDeliveryWorker>();
}
