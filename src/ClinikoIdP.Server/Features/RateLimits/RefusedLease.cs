using System.Threading.RateLimiting;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>A refusal repeated for a request already refused (the middleware asks twice: try, then wait).</summary>
internal sealed class RefusedLease(TimeSpan retryAfter) : RateLimitLease
{
    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
