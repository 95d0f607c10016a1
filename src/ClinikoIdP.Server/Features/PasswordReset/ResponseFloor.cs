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
    /// The time every "Forgot password?" request takes. The real work (an account lookup, a link, an encrypted email,
    /// an audit event: a few database writes) was measured at about 75 ms with an account and 20 ms without, and about
    /// one second for the very first request after the server starts (code and queries compiled on first use). One and
    /// a half seconds stays above all of that, even on a busy server, and still feels prompt after pressing a button.
    /// </summary>
    public static readonly TimeSpan PasswordResetRequest = TimeSpan.FromSeconds(1.5);

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

        // Timers round to whole milliseconds (and may wake a little early): wait until the floor has really passed.
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), cancellationToken);
            left = Floor - Elapsed;
        }
        while (left > TimeSpan.Zero);

        return true;
    }
}
