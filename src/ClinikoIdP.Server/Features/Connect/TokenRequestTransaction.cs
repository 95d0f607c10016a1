using System.Runtime.ExceptionServices;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// Runs an authorization-code or refresh-token grant as one database transaction, and sends the answer only after it
/// committed. OpenIddict saves each step on its own (the code or refresh token redeemed, each new token's row, a
/// replayed token's chain revoked), so without this a failure between two steps could spend a code without delivering
/// its tokens, and every step paid its own commit (on SQLite, a flush to disk). Now a client either gets its tokens
/// and everything behind them is stored, or gets an error and nothing changed, so it can simply try again.
/// The transaction begins at the grant's first write (<see cref="FirstWriteTransaction"/>), and the token rows are only
/// tracked until OpenIddict has answered (<see cref="GrantTokenStore"/>): reading and decrypting the presented code or
/// token, loading its user and signing the new tokens run beside other grants' transactions, and the redemption and the
/// new rows are saved together at the end.
/// Client-credentials grants store nothing (<see cref="MachineAccessTokenStorage"/>) and run as before.
/// </summary>
public sealed class TokenRequestTransaction(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IdpDbContext db, SqliteWriteTurns writeTurns, IdpMetrics metrics)
    {
        if (!await IsStoringGrantAsync(context.Request))
        {
            await next(context);
            return;
        }

        CountIssuedTokens.CountAfterCommit(context);
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        using var watch = DatabaseFailureWitness.Begin();
        await using (var transaction = FirstWriteTransaction.Begin(db, writeTurns, deferWrites: true))
        {
            response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                response.Body = original;
            }

            // A database failure on the way is an outage whatever OpenIddict answered (it answers a redemption it could
            // not save as "already redeemed"): nothing is kept, and the exception handler tells the client to try again.
            if (watch.Failure is { } failure)
            {
                await transaction.RollbackAsync();
                ExceptionDispatchInfo.Throw(failure);
            }

            // Refusals commit too: a replayed refresh token's refusal revokes the tokens issued from it.
            if (response.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                await transaction.RollbackAsync();
            }
            else
            {
                try
                {
                    await transaction.SaveAndCommitAsync();
                    CountIssuedTokens.CountCommitted(context, metrics);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another request redeemed or revoked the same code or refresh token first: this one gets nothing.
                    response.Clear();
                    await OAuthErrorResponse.WriteAsync(response, StatusCodes.Status400BadRequest, Errors.InvalidGrant,
                        "The specified code or refresh token is no longer valid.");
                    return;
                }
            }
        }

        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static async Task<bool> IsStoringGrantAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)
            || !request.Path.Equals("/" + ConnectRoutes.Token, StringComparison.OrdinalIgnoreCase)
            || !request.HasFormContentType)
        {
            return false;
        }

        try
        {
            var grantType = (await request.ReadFormAsync(request.HttpContext.RequestAborted))[Parameters.GrantType];
            return grantType.Count == 1 && grantType[0] is GrantTypes.AuthorizationCode or GrantTypes.RefreshToken;
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or BadHttpRequestException)
        {
            return false; // OpenIddict answers a form it cannot read with its own error
        }
    }
}
