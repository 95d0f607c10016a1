using System.Net;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>
/// Works out the <see cref="RateLimitSubject"/> of a limited request before ASP.NET Core's rate limiter runs. The
/// limiter's partitioner is synchronous, and the account a form post is about is in its body, so it is read here
/// (asynchronously) once; doing it here rather than in each page handler keeps the limit in front of every cost
/// the request would incur (password hashing, client-secret checks, database reads).
/// </summary>
public sealed class RateLimitSubjectMiddleware(RequestDelegate next, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (LimitedRoute.Find(context.Request) is { } route
            && !(options.Value.ExemptLoopback && address is not null && IPAddress.IsLoopback(address)))
        {
            var account = route.Account == AccountSource.None ? null : await AccountKeys.FindAsync(context, route.Account);
            context.Features.Set(new RateLimitSubject(route.Action, ClientAddress.PartitionKey(address), account));
        }

        await next(context);
    }
}
