namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>Which limit refused a request, and when the next attempt may succeed.</summary>
public sealed record RateLimitRefusal(LimitedAction Action, RateLimitScope Scope, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for the Retry-After header (RFC 9110 §10.2.3), never zero.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
