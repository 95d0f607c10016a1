using System.Diagnostics;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>
/// Makes a request take a fixed time whatever it did, so its timing cannot tell whether an account exists. Doing "the
/// same work" in every case is fragile (a database write, a key derivation or a cache miss differs); waiting until a
/// fixed floor since the request began, set well above the real work, equalises by construction. Real time, not the
/// injected clock: the point is what an observer measures.
/// </summary>
public sealed class ResponseFloor
{
    /// <summary>
    /// The time every "Forgot password?" request takes. The real work (an account lookup, a link, an encrypted email
    /// and an audit event, a few database writes) takes tens of milliseconds, a few hundred on a loaded server; one
    /// second stays well above that while still feeling prompt after pressing a button.
    /// </summary>
    public static readonly TimeSpan PasswordResetRequest = TimeSpan.FromSeconds(1);

    private readonly long started = Stopwatch.GetTimestamp();

    private ResponseFloor(TimeSpan floor) => Floor = floor;

    public TimeSpan Floor { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    public static ResponseFloor StartNow(TimeSpan floor) => new(floor);

    /// <summary>Waits out the rest of the floor; returns false when the work alone took longer (its timing may differ).</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var left = Floor - Elapsed;
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        await Task.Delay(left, cancellationToken);
        return true;
    }
}
