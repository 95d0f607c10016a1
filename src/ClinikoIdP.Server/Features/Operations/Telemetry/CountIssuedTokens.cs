using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>
/// Counts successful token responses by grant type, as they leave the token endpoint. Only grant types the server
/// accepted reach a successful response, so the label stays a small fixed set whatever clients send. Inside a grant's
/// transaction (Connect/TokenRequestTransaction) the count waits for the commit: a grant that loses the redemption race
/// or whose commit fails answers an error instead, and issued nothing.
/// </summary>
public sealed class CountIssuedTokens(IdpMetrics metrics) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    private static readonly object AwaitingCommit = new();

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<CountIssuedTokens>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>Marks <paramref name="http"/> as a grant whose tokens count only once <see cref="CountCommitted"/> runs.</summary>
    public static void CountAfterCommit(HttpContext http) => http.Items[AwaitingCommit] = null;

    /// <summary>Counts the tokens of a grant whose transaction has committed (nothing if it answered an error).</summary>
    public static void CountCommitted(HttpContext http, IdpMetrics metrics)
    {
        if (http.Items.TryGetValue(AwaitingCommit, out var grantType) && grantType is string issued)
        {
            metrics.TokenIssued(issued);
        }
    }

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(context.Response.Error) || context.Request?.GrantType is not { Length: > 0 } grantType)
        {
            return default;
        }

        if (context.Transaction.GetHttpRequest()?.HttpContext is { } http && http.Items.ContainsKey(AwaitingCommit))
        {
            http.Items[AwaitingCommit] = grantType;
        }
        else
        {
            metrics.TokenIssued(grantType);
        }

        return default;
    }
}
