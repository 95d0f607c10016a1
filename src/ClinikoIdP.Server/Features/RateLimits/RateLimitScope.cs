namespace ClinikoIdP.Server.Features.RateLimits;

public enum RateLimitScope
{
    Address,
    Account,
}
