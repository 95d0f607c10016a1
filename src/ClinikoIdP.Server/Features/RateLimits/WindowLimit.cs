namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>At most <see cref="PermitLimit"/> requests in each fixed <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public static WindowLimit PerMinute(int permitLimit) => new() { PermitLimit = permitLimit };

    public bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;
}
