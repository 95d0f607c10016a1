using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>
/// Counts successful token responses by grant type, as they leave the token endpoint. Only grant types the server
/// accepted reach a successful response, so the label stays a small fixed set whatever clients send.
/// </summary>
public sealed class CountIssuedTokens(IdpMetrics metrics) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<CountIssuedTokens>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Response.Error) && context.Request?.GrantType is { Length: > 0 } grantType)
        {
            metrics.TokenIssued(grantType);
        }

        return default;
    }
}
