namespace ClinikoIdP.Authentication.Policy;

/// <summary>Whether an existing session is recent enough for an authorization request.</summary>
public static class SignInFreshness
{
    /// <param name="authTime">When the user last actively authenticated (the session's auth_time).</param>
    /// <param name="maxAgeSeconds">The request's max_age, or null when absent.</param>
    /// <param name="promptLogin">The request's prompt contains "login".</param>
    /// <param name="now">The current time, from the caller's TimeProvider.</param>
    /// <returns>True when the user must sign in again before a code is issued.</returns>
    public static bool RequiresFreshSignIn(DateTimeOffset authTime, long? maxAgeSeconds, bool promptLogin, DateTimeOffset now)
    {
        // OpenID Connect Core 1.0 §3.1.2.1: prompt=login means the OP MUST re-authenticate. The caller
        // has to drop the parameter from the request it resumes after sign-in, or it would ask forever.
        if (promptLogin)
        {
            return true;
        }

        if (maxAgeSeconds is not { } maxAge)
        {
            return false;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxAge, nameof(maxAgeSeconds));

        // §3.1.2.1: re-authenticate when the elapsed time is *greater than* max_age. The comparison is
        // made in fractional seconds so that max_age=1 reached 1.5 s after sign-in counts as expired;
        // it also makes max_age=0 satisfied only by a sign-in that happened at this very instant.
        var elapsedSeconds = (now - authTime).TotalSeconds;
        return elapsedSeconds > maxAge;
    }
}
