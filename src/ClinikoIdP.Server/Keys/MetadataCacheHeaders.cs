using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Lets clients and shared caches keep the discovery document and the JWKS for a while (OpenIddict answers every
/// response with <c>no-store</c>). The JWKS gets minutes, not hours: a retired key stays published for
/// <c>IdP:RetiredKeyLifetime</c> (14 days), so a cached set never lacks a key that signed a live token, and after a
/// rotation an API behind a shared cache sees the new key within <see cref="JwksMaxAge"/> plus
/// <c>IdP:KeyRefreshInterval</c>. Errors keep OpenIddict's <c>no-store</c>.
/// </summary>
public sealed class MetadataCacheHeaders :
    IOpenIddictServerHandler<ApplyConfigurationResponseContext>,
    IOpenIddictServerHandler<ApplyJsonWebKeySetResponseContext>
{
    public static readonly TimeSpan DiscoveryMaxAge = TimeSpan.FromHours(1);

    public static readonly TimeSpan JwksMaxAge = TimeSpan.FromMinutes(5);

    public static OpenIddictServerHandlerDescriptor ForDiscovery { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
            .UseSingletonHandler<MetadataCacheHeaders>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachCacheControlHeader<ApplyConfigurationResponseContext>.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor ForJwks { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyJsonWebKeySetResponseContext>()
            .UseSingletonHandler<MetadataCacheHeaders>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachCacheControlHeader<ApplyJsonWebKeySetResponseContext>.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context) => AllowCaching(context, DiscoveryMaxAge);

    public ValueTask HandleAsync(ApplyJsonWebKeySetResponseContext context) => AllowCaching(context, JwksMaxAge);

    private static ValueTask AllowCaching(BaseRequestContext context, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Response?.Error is null
            && context.Transaction.GetHttpRequest()?.HttpContext.Response is { } response)
        {
            response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
            response.Headers.Pragma = default;
            response.Headers.Expires = default;
        }

        return default;
    }
}
