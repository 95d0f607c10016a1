using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.RegistrationCache;
using ClinikoIdP.Server.Keys;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Hosting;

public static class OpenIddictHosting
{
    public static IServiceCollection AddIdpOpenIddict(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var idp = configuration.GetSection(IdpOptions.Section).Get<IdpOptions>() ?? new IdpOptions();

        services.AddRegistrationCache();
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdpDbContext>();
                core.ReplaceApplicationManager(typeof(ClientSecretManager<>));
                core.ReplaceTokenStore<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken, GrantTokenStore>(ServiceLifetime.Scoped);
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ConnectRoutes.Authorize)
                    .SetTokenEndpointUris(ConnectRoutes.Token)
                    .SetUserInfoEndpointUris(ConnectRoutes.UserInfo)
                    .SetEndSessionEndpointUris(ConnectRoutes.EndSession)
                    .SetIntrospectionEndpointUris(ConnectRoutes.Introspection)
                    .SetRevocationEndpointUris(ConnectRoutes.Revocation)
                    .SetConfigurationEndpointUris(ConnectRoutes.Discovery)
                    .SetJsonWebKeySetEndpointUris(ConnectRoutes.Jwks);

                // Code flow only (no implicit, hybrid or password grants), PKCE for every client (RFC 9700 §2.1.1).
                server.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .RequireProofKeyForCodeExchange();

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified,
                    Claims.AuthenticationTime, Claims.AuthenticationMethodReference, Claims.AuthenticationContextReference,
                    Claims.Role, "sid");

                // RFC 9700 §4.4: codes single use and short-lived (60 s is the high-assurance figure).
                server.SetAuthorizationCodeLifetime(TimeSpan.FromSeconds(60))
                    .SetAccessTokenLifetime(idp.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(idp.RefreshTokenLifetime)
                    .SetIdentityTokenLifetime(TimeSpan.FromMinutes(15));

                server.AddEventHandler(AdvertiseDiscoveryExtensions.Descriptor);
                server.AddEventHandler(RefuseDisabledClients.AtAuthorizationEndpoint);
                server.AddEventHandler(RefuseDisabledClients.AtTokenEndpoint);
                server.AddEventHandler(AccessTokenSigningCredentials.Descriptor);
                server.AddEventHandler(MachineAccessTokenStorage.Descriptor);
                server.AddEventHandler(ClientAssertionErrors.Descriptor);
                server.AddEventHandler(ClientAssertionReplayGuard.Descriptor);
                server.AddEventHandler(MetadataCacheHeaders.ForDiscovery);
                server.AddEventHandler(MetadataCacheHeaders.ForJwks);

                // RFC 9068: plain JWT access tokens (RS256, or ES256 by IdP:AccessTokenAlgorithm), so any API can check
                // them against the JWKS.
                server.DisableAccessTokenEncryption();

                if (!string.IsNullOrWhiteSpace(idp.Issuer))
                {
                    server.SetIssuer(new Uri(idp.Issuer, UriKind.Absolute));
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        // S256 only: "plain" offers no protection against a stolen code (RFC 9700 §2.1.1).
        services.Configure<OpenIddictServerOptions>(options =>
            options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
        services.AddOptions<AccessTokenSigningOptions>().Bind(configuration.GetSection(IdpOptions.Section))
            .Validate(options => options.IsSupported, "IdP:AccessTokenAlgorithm must be RS256 or ES256.")
            .ValidateOnStart();
        services.AddOptions<MachineTokenOptions>().Bind(configuration.GetSection(IdpOptions.Section));
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeysConfigurator>();
        services.AddSingleton<LoadedKeys>();
        services.AddSingleton<ServerKeys>();
        services.AddScoped<SigningKeyStore>();
        services.AddScoped<TokenPrincipalFactory>();
        return services;
    }
}
