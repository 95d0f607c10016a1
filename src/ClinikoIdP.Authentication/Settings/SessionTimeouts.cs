namespace ClinikoIdP.Authentication.Settings;

/// <summary>
/// Ends sessions after a time without activity and after a fixed time since sign-in (OWASP Session Management Cheat
/// Sheet, "Session Expiration"; NIST SP 800-63B-4 §2.2.3). The last activity is when the session cookie was last
/// issued, and the cookie is reissued at most once per <see cref="RenewalInterval"/>, so the idle timeout is
/// accurate to within that interval (it may end a session up to a minute early, never late).
/// </summary>
public sealed record SessionTimeouts(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime)
{
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromMinutes(1);

    /// <param name="startedAt">When the session began (sign-in).</param>
    /// <param name="lastRenewedAt">When its cookie was last issued; null is read as the start.</param>
    /// <param name="now">The current time, from the caller's TimeProvider.</param>
    public SessionActivity Judge(DateTimeOffset startedAt, DateTimeOffset? lastRenewedAt, DateTimeOffset now)
    {
        if (now - startedAt > AbsoluteLifetime)
        {
            return SessionActivity.Expired;
        }

        var lastActivity = lastRenewedAt ?? startedAt;
        if (now - lastActivity > IdleTimeout)
        {
            return SessionActivity.Idle;
        }

        // Strictly after the interval, as Identity's security-stamp check counts its own: both then fall due on the same request.
        return now - lastActivity > RenewalInterval ? SessionActivity.Renew : SessionActivity.Current;
    }
}
