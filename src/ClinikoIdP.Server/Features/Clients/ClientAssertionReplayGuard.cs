using ClinikoIdP.Server.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// Accepts each client assertion once (OIDC Core §9: the <c>jti</c> "MUST only be used once"; RFC 7523 §3 lets the
/// server keep the used ones until they expire). OpenIddict 7.8 checks an assertion's signature, issuer, audience and
/// lifetime but not whether it was used before, so someone who captured one (from a log or a proxy) could get tokens
/// with it until it expired. Runs after those checks (the last of them checks its issuer), so only genuine assertions
/// are recorded; an assertion without a
/// <c>jti</c> is refused, as one could never be told apart from its replay.
/// </summary>
/// <remarks>
/// The use is saved in a context of its own and committed at once, outside any grant's transaction: a grant that
/// fails afterwards must not give the assertion back.
/// </remarks>
public sealed class ClientAssertionReplayGuard(IServiceScopeFactory scopes, TimeProvider time, ILogger<ClientAssertionReplayGuard> logger)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>How long past its <c>exp</c> a use is kept: more than any clock skew a validator allows.</summary>
    public static readonly TimeSpan KeptPastExpiry = TimeSpan.FromMinutes(5);

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionPrincipal>()
            .UseSingletonHandler<ClientAssertionReplayGuard>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertionIssuer.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.ClientAssertionPrincipal!;
        var clientId = principal.GetClaim(Claims.Subject) ?? context.ClientId ?? "";
        var jti = principal.GetClaim(Claims.JwtId);
        if (string.IsNullOrEmpty(jti) || jti.Length > ClientAssertionUseRecord.MaxJtiLength)
        {
            Log.ClientAssertionRefused(logger, clientId, "no jti, or one too long");
            context.Reject(Errors.InvalidClient, "The client assertion must carry a 'jti' claim of at most 256 characters.");
            return;
        }

        var expires = principal.GetExpirationDate() ?? time.GetUtcNow();
        if (!await RecordFirstUseAsync(clientId, jti, expires + KeptPastExpiry, context.CancellationToken))
        {
            Log.ClientAssertionRefused(logger, clientId, "already used");
            context.Reject(Errors.InvalidClient, "The client assertion has already been used.");
        }
    }

    /// <summary>True when this is the assertion's first use; false when a use of it is already recorded.</summary>
    private async Task<bool> RecordFirstUseAsync(string clientId, string jti, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        if (await UsedAsync(clientId, jti, cancellationToken))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        db.ClientAssertionUses.Add(new ClientAssertionUseRecord { ClientId = clientId, Jti = jti, ExpiresAt = keepUntil });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two requests with the same assertion at once: the key let only one of them in. Anything else (the
            // database failing) is not a replay and goes on as the failure it is.
            if (await UsedAsync(clientId, jti, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> UsedAsync(string clientId, string jti, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        return await db.ClientAssertionUses.AsNoTracking().AnyAsync(u => u.ClientId == clientId && u.Jti == jti, cancellationToken);
    }
}
