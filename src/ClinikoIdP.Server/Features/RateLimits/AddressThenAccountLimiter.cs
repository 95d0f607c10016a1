using System.Threading.RateLimiting;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>
/// The per-address limit, then the per-account one, recording which refused (so the answer and the log can say).
/// Only fixed windows are used: their leases hold nothing, so a permit taken from the first limiter is not
/// returned when the second refuses (a refused attempt still counts against the address).
/// </summary>
internal sealed class AddressThenAccountLimiter(RateLimitOptions options) : PartitionedRateLimiter<HttpContext>
{
    private readonly PartitionedRateLimiter<HttpContext> byAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        context.Features.Get<RateLimitSubject>() is { } subject
            ? Window($"{subject.Action}|{subject.Address}", options.For(subject.Action).PerAddress)
            : RateLimitPartition.GetNoLimiter(""));

    private readonly PartitionedRateLimiter<HttpContext> byAccount = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        context.Features.Get<RateLimitSubject>() is { Account: { } account } subject && options.For(subject.Action).PerAccount.IsValid
            ? Window($"{subject.Action}|{account}", options.For(subject.Action).PerAccount)
            : RateLimitPartition.GetNoLimiter(""));

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (resource.Features.Get<RateLimitRefusal>() is { } earlier)
        {
            return new RefusedLease(earlier.RetryAfter);
        }

        var address = byAddress.AttemptAcquire(resource, permitCount);
        if (!address.IsAcquired)
        {
            return Refuse(resource, RateLimitScope.Address, address);
        }

        var account = byAccount.AttemptAcquire(resource, permitCount);
        if (!account.IsAcquired)
        {
            address.Dispose();
            return Refuse(resource, RateLimitScope.Account, account);
        }

        account.Dispose();
        return address;
    }

    // Windows never queue (QueueLimit 0): waiting would only hold a connection open for an attacker.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            byAddress.Dispose();
            byAccount.Dispose();
        }

        base.Dispose(disposing);
    }

    private static RateLimitLease Refuse(HttpContext context, RateLimitScope scope, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var value) ? value : TimeSpan.FromSeconds(1);
        context.Features.Set(new RateLimitRefusal(context.Features.Get<RateLimitSubject>()!.Action, scope, retryAfter));
        return lease;
    }

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
}
