using ClinikoIdP.Authentication.Policy;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// Lists the authentication context classes a clinic app may ask for with <c>acr_values</c>
/// (OpenID Connect Discovery 1.0 §3, <c>acr_values_supported</c>); OpenIddict does not know ClinikoIdP's values.
/// </summary>
public sealed class AdvertiseAcrValues : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<AdvertiseAcrValues>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Metadata[Metadata.AcrValuesSupported] = new OpenIddictParameter([Acr.Password, Acr.MultiFactor]);
        return ValueTask.CompletedTask;
    }
}
