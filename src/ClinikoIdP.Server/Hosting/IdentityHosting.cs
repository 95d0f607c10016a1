using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Passwords;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Hosting;

public static class IdentityHosting
{
    public const string AdminRole = "Admin";

    /// <summary>Identity's schema version 3 adds passkeys (table AspNetUserPasskeys).</summary>
    public static Version SchemaVersion => IdentitySchemaVersions.Version3;

    public static IServiceCollection AddIdpIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        var secure = !environment.IsDevelopment();

        services.AddIdentity<ClinicUser, IdentityRole>(options =>
            {
                // The principal speaks OpenID Connect claim names, so sessions and tokens share one vocabulary.
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;

                // NIST SP 800-63B-4 §3.1.1.2: length, not composition.
                options.Password.RequiredLength = MaximumLengthPasswordValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;

                // Passkeys (WebAuthn) live in AspNetUserPasskeys, which IdpDbContext always builds.
                options.Stores.SchemaVersion = SchemaVersion;
            })
            .AddEntityFrameworkStores<IdpDbContext>()
            .AddUserManager<OrganisationLockoutUserManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // OWASP ASVS 5.0 / Password Storage Cheat Sheet: PBKDF2-HMAC-SHA512 with at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        // The stamp is checked often so that a password change, a lock or a 2FA reset ends live sessions quickly;
        // the session's own claims (amr, auth_time, sid) survive the refresh of the principal.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal is not null && context.NewPrincipal is not null)
                {
                    SessionPrincipal.CopySessionClaims(context.CurrentPrincipal, context.NewPrincipal);
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SessionCookies.WithHostPrefix(SessionCookies.SessionCookieName, secure);
            ConfigureCookie(options, secure);
            // The idle timeout and lifetime are the organisation's settings, checked on every request by
            // SessionLifetime (which also renews the cookie); the ticket's own expiry is only the outer bound.
            options.ExpireTimeSpan = SecuritySettingBounds.MaxAbsoluteLifetime;
            options.SlidingExpiration = false;
            options.LoginPath = SignInRoutes.SignIn;
            options.LogoutPath = SignInRoutes.SignOut;
            // A signed-in user refused a page gets 403 at the address they asked for (the error page explains),
            // not a redirect that would hide the refusal from scripts and tests.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
        });
        services.AddAuthentication()
            .AddCookie(SessionCookies.PendingScheme, options =>
            {
                options.Cookie.Name = SessionCookies.WithHostPrefix(SessionCookies.PendingCookieName, secure);
                ConfigureCookie(options, secure);
                options.SlidingExpiration = false;
                options.LoginPath = SignInRoutes.SignIn;
            });
        services.AddOptions<CookieAuthenticationOptions>(SessionCookies.PendingScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<IdpOptions>>((options, idp) =>
                options.ExpireTimeSpan = idp.Value.PendingSignInLifetime);

        services.AddScoped<SessionIssuer>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, bool secure)
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.Path = "/";
        options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }
}
