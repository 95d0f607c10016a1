namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>What a limited request is and who it comes from, worked out before the (synchronous) limiter runs.</summary>
public sealed record RateLimitSubject(LimitedAction Action, string Address, string? Account);
