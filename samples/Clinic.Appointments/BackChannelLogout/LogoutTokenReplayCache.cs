using System.Collections.Concurrent;

namespace Clinic.Appointments.BackChannelLogout;

/// <summary>
/// Remembers the jti of every accepted logout token until it would be refused as too old anyway (Back-Channel
/// Logout §2.6 step 8). In memory: an app running on several nodes needs a shared store (e.g. IDistributedCache).
/// </summary>
public sealed class LogoutTokenReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>Returns false when the issuer already sent this jti.</summary>
    public bool TryAdd(string issuer, string jti, DateTimeOffset keepUntil)
    {
        var now = time.GetUtcNow();
        foreach (var (key, expiry) in seen)
        {
            if (expiry < now)
            {
                seen.TryRemove(key, out _);
            }
        }

        return seen.TryAdd($"{issuer}\n{jti}", keepUntil);
    }
}
