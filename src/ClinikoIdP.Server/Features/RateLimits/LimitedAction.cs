namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>The kinds of request that carry a per-node rate limit; each has its own <c>RateLimits:{Action}</c> settings.</summary>
public enum LimitedAction
{
    SignIn,
    SecondFactor,
    PasswordReset,
    Token,
    Authorize,
}
