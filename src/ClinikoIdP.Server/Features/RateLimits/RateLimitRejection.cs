using Microsoft.AspNetCore.RateLimiting;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>The 429 answer (RFC 6585 §4) with Retry-After, and one log line naming the limit but never the account.</summary>
public static class RateLimitRejection
{
    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var refusal = context.Features.Get<RateLimitRefusal>();
        var subject = context.Features.Get<RateLimitSubject>();
        if (refusal is null || subject is null)
        {
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection));
        Log.RateLimited(logger, refusal.Action.ToString(), refusal.Scope.ToString(), subject.Address, refusal.RetryAfterSeconds);
        var seconds = refusal.RetryAfterSeconds;
        var from = (refusal.Scope, refusal.Action) switch
        {
            (RateLimitScope.Address, _) => "from this address",
            (_, LimitedAction.Token) => "for this client",
            _ => "for this account",
        };
        var message = $"Too many attempts {from}; try again in {seconds} seconds.";
        await Faults.RetryLaterResponse.WriteAsync(context, context.Request.Path, StatusCodes.Status429TooManyRequests, "Too many attempts", message, seconds);
    }
}
