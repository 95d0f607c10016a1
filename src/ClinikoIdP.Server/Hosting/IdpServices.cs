using ClinikoIdP.Authentication.Totp;
using ClinikoIdP.Server.Features.AccountNotifications;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.Enrolment;
using ClinikoIdP.Server.Features.Faults;
using ClinikoIdP.Server.Features.Invitations;
using ClinikoIdP.Server.Features.Operations;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.Pruning;
using ClinikoIdP.Server.Features.RateLimits;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using ClinikoIdP.Server.Features.SignOut;
using ClinikoIdP.Server.Features.SingleLogout;
using ClinikoIdP.Server.Features.TwoFactor;
using ClinikoIdP.Server.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace ClinikoIdP.Server.Hosting;

public static class IdpServices
{
    /// <summary>Everything both the web server and the admin command line need.</summary>
    public static IServiceCollection AddIdpCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<IdpOptions>().Bind(configuration.GetSection(IdpOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddIdpMetrics();
        services.AddIdpDatabase(configuration);

        // The key ring lives in the database so every node and the CLI decrypt the same secrets; with a certificate
        // configured, its keys are stored encrypted (Keys/KeyRingEncryption).
        services.AddDataProtection()
            .SetApplicationName("ClinikoIdP")
            .PersistKeysToDbContext<Data.IdpDbContext>()
            .ProtectKeysWhenConfigured(configuration);

        services.AddIdpIdentity(environment);
        services.AddOrganisationSettings(configuration);
        services.AddRememberedComputers(configuration);
        services.AddIdpOpenIddict(configuration, environment);
        services.AddScoped<SessionAuthorizations>();
        services.AddScoped<SessionTerminator>();
        services.AddScoped<SessionRegistry>();
        services.AddScoped<SignInJourney>();
        services.AddOptions<TwoFactorOptions>().Bind(configuration.GetSection(TwoFactorOptions.Section));
        services.AddSingleton(provider => new TotpVerifier(provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<AuthenticatorStore>();
        services.AddScoped<BackupCodeStore>();
        services.AddScoped<SecondFactorVerifier>();
        services.AddScoped<SecurityEventWriter>();
        services.AddScoped<PendingSignIn>();
        services.AddScoped<MfaDemand>();
        services.AddScoped<EnrolmentSubject>();
        services.AddScoped<Features.Cli.TwoFactorReset>();
        services.AddScoped<BackChannelLogoutOutbox>();
        services.AddScoped<Features.Clients.ClientRegistrar>();
        services.AddScoped<Features.Clients.GeneratedClientSecrets>();
        services.AddSingleton<Features.Clients.VerifiedSecretCache>();
        services.AddScoped<Features.Users.UserAdministration>();
        services.AddIdpEmail(configuration);
        services.AddAccountNotifications();
        services.AddPasswordReset();
        services.AddInvitations();
        services.AddPasskeys();
        return services;
    }

    public static WebApplicationBuilder AddIdpWebServer(this WebApplicationBuilder builder)
    {
        TransportSecurity.EnsureHttpsConfigured(builder.Configuration, builder.Environment);
        // Kestrel would name itself in a Server header on every answer: nothing a client needs, and a hint to an attacker.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddIdpCore(builder.Configuration, builder.Environment);
        builder.AddIdpOperations();
        builder.Services.AddIdpTransportSecurity(builder.Configuration);
        builder.Services.AddIdpRateLimits(builder.Configuration);
        builder.Services.AddIdpFaultHandling();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AddAdminConventions();
        });
        builder.Services.AddAdminConsole(builder.Configuration);
        builder.Services.AddSingleton<ObservedIssuer>();
        builder.Services.AddSingleton<LogoutTokenFactory>();
        builder.Services.AddHostedService<BackChannelLogoutSender>();
        builder.Services.AddSingleton<Keys.ServerKeysWatcher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Keys.ServerKeysWatcher>());
        builder.Services.AddIdpPruning(builder.Configuration);
        builder.Services.AddEmailDeliveryWorker();
        builder.Services.AddSingleton(provider => provider.GetServices<IHostedService>().OfType<BackChannelLogoutSender>().Single());
        builder.Services.AddHttpClient(BackChannelLogoutSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            var secure = !builder.Environment.IsDevelopment();
            options.Cookie.Name = Features.Session.SessionCookies.WithHostPrefix("ClinikoIdP.TempData", secure);
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.Services.AddAntiforgery(options =>
        {
            var secure = !builder.Environment.IsDevelopment();
            options.Cookie.Name = Features.Session.SessionCookies.WithHostPrefix(Features.Session.SessionCookies.AntiforgeryCookieName, secure);
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    /// <summary>
    /// Starts migrating and checking the database while the pipeline is built; the host's start waits for it
    /// (<see cref="DatabaseInitializer.Begin"/>).
    /// </summary>
    public static WebApplication BeginDatabasePreparation(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<DatabaseInitializer>().Begin();
        return app;
    }

    public static WebApplication UseIdpPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseIdpOperations();
        var observedIssuer = app.Services.GetRequiredService<ObservedIssuer>();
        app.Use((context, next) =>
        {
            observedIssuer.Observe(context.Request);
            return next(context);
        });
        app.UseSecurityHeaders();
        app.UseIdpExceptionHandler(SignInRoutes.Error);
        app.UseStatusCodePagesWithReExecute(SignInRoutes.Error, "?status={0}");
        app.Use((context, next) =>
        {
            // Machine endpoints answer in JSON and headers (RFC 6750 §3); an HTML error page would only confuse a client.
            if (ConnectRoutes.IsMachineEndpoint(context.Request.Path)
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<Keys.MetadataResponseCache>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseIdpRateLimits();
        app.UseMiddleware<Features.Connect.TokenRequestTransaction>(); // before OpenIddict, which runs in authentication
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapPost("/" + ConnectRoutes.Token, TokenEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods("/" + ConnectRoutes.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync)
            .DisableAntiforgery();
        return app;
    }
}
