namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>
/// <c>RateLimits:*</c>. The defaults let a clinic's whole front desk sign in at opening time from one NAT address
/// while one account gets about ten tries a minute; account lockout (in the database) still applies on top.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests from the machine itself skip the limits (for load tests on one machine); off by default.</summary>
    public bool ExemptLoopback { get; set; }

    public ActionLimits SignIn { get; set; } = new();

    public ActionLimits SecondFactor { get; set; } = new();

    public ActionLimits PasswordReset { get; set; } = new()
    {
        PerAddress = new WindowLimit { PermitLimit = 30, Window = TimeSpan.FromMinutes(5) },
        PerAccount = new WindowLimit { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) },
    };

    /// <summary>Token, introspection and revocation; "account" is the client_id, shared by all users of one app.</summary>
    public ActionLimits Token { get; set; } = new()
    {
        PerAddress = WindowLimit.PerMinute(1200),
        PerAccount = WindowLimit.PerMinute(1200),
    };

    /// <summary>Only per address: the authorization request names no account.</summary>
    public ActionLimits Authorize { get; set; } = new() { PerAddress = WindowLimit.PerMinute(300) };

    public ActionLimits For(LimitedAction action) => action switch
    {
        LimitedAction.SignIn => SignIn,
        LimitedAction.SecondFactor => SecondFactor,
        LimitedAction.PasswordReset => PasswordReset,
        LimitedAction.Token => Token,
        LimitedAction.Authorize => Authorize,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
