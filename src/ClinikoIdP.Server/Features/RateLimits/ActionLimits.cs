namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>The limits of one <see cref="LimitedAction"/>: per client address and per account (or per client_id).</summary>
public sealed class ActionLimits
{
    public WindowLimit PerAddress { get; set; } = WindowLimit.PerMinute(100);

    public WindowLimit PerAccount { get; set; } = WindowLimit.PerMinute(10);
}
