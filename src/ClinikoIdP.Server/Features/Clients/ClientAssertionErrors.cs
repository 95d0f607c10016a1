using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// RFC 7523 §3.2: a client assertion that fails validation (wrong audience, expired, bad signature) is
/// <c>invalid_client</c>. OpenIddict answers some of those failures with the generic <c>invalid_token</c>, a code
/// RFC 6749 §5.2 does not define for the token endpoint, so a client library would not know its credentials were
/// refused. This renames it before the status code is chosen (401, as for any failed client authentication).
/// </summary>
public sealed class ClientAssertionErrors : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<ClientAssertionErrors>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.Error == Errors.InvalidToken && !string.IsNullOrEmpty(context.Request?.ClientAssertion))
        {
            context.Response.Error = Errors.InvalidClient;
        }

        return default;
    }
}
