using ClinikoIdP.Authentication.Policy;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// Adds to the discovery document what ClinikoIdP supports beyond OpenIddict: its <c>acr_values</c>
/// (OpenID Connect Discovery 1.0 §3) and back-channel logout (OpenID Connect Back-Channel Logout 1.0 §2.1).
/// </summary>
public sealed class AdvertiseDiscoveryExtensions : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<AdvertiseDiscoveryExtensions>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Metadata[Metadata.AcrValuesSupported] = new OpenIddictParameter([Acr.Password, Acr.MultiFactor, Acr.PhishingResistant]);
        context.Metadata["backchannel_logout_supported"] = true;
        context.Metadata["backchannel_logout_session_supported"] = true;
        return ValueTask.CompletedTask;
    }
}
