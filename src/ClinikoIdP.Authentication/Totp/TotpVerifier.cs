using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace ClinikoIdP.Authentication.Totp;

/// <summary>
/// Checks TOTP codes (RFC 6238, SHA-1, 6 digits, 30 s) against the injected clock, accepting each
/// time step at most once.
/// </summary>
public sealed class TotpVerifier(TimeProvider timeProvider)
{
    /// <summary>
    /// RFC 6238 §5.2 recommends allowing at most one step of network delay; NIST SP 800-63B-4 does
    /// not want a wider acceptance window either. One step each side is ±30 s of drift.
    /// </summary>
    private static readonly VerificationWindow AcceptanceWindow = new(previous: 1, future: 1);

    /// <summary>
    /// Steps beyond the acceptance window that are still searched, only to recognise a phone whose
    /// clock is off by one to five minutes. They never grant access.
    /// </summary>
    private const int FirstSkewStep = 2;
    private const int LastSkewStep = 10;

    /// <param name="secret">The user's shared secret.</param>
    /// <param name="typedCode">The code as typed; spaces and hyphens are ignored.</param>
    /// <param name="lastAcceptedStep">The step of the user's last accepted code, or null if none.</param>
    public TotpCheck Verify(byte[] secret, string? typedCode, long? lastAcceptedStep)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        var code = TotpCode.Normalize(typedCode);
        if (code is null)
        {
            return TotpCheck.Invalid;
        }

        var totp = new OtpNet.Totp(secret, TotpParameters.PeriodSeconds, OtpHashMode.Sha1, TotpParameters.Digits);
        var now = timeProvider.GetUtcNow().UtcDateTime;

        // Otp.NET compares in constant time and reports the first matching step of the window.
        if (totp.VerifyTotp(now, code, out var matchedStep, AcceptanceWindow))
        {
            // NIST SP 800-63B-4 §3.1.4.2: a code is accepted once only. Comparing steps rather than
            // codes also refuses a code older than the last accepted one, which an observer could
            // otherwise still replay inside the window.
            return matchedStep <= lastAcceptedStep ? TotpCheck.Replayed : TotpCheck.Accepted(matchedStep);
        }

        var skew = FindSkew(totp, code, now, lastAcceptedStep);
        return skew is { } steps ? TotpCheck.ClockSkew(steps) : TotpCheck.Invalid;
    }

    private static int? FindSkew(OtpNet.Totp totp, string code, DateTime now, long? lastAcceptedStep)
    {
        var currentStep = ToStep(now);
        var typed = Encoding.ASCII.GetBytes(code);
        int? found = null;

        // Every candidate is computed and compared so that the time taken does not depend on which
        // step, if any, matched.
        for (var distance = FirstSkewStep; distance <= LastSkewStep; distance++)
        {
            foreach (var offset in new[] { -distance, distance })
            {
                var step = currentStep + offset;

                // A step at or before the last accepted one would not have been accepted even with a
                // correct clock, so it is no evidence of skew.
                if (step < 0 || step <= lastAcceptedStep)
                {
                    continue;
                }

                var expected = Encoding.ASCII.GetBytes(totp.ComputeTotp(ToTimestamp(step)));
                if (CryptographicOperations.FixedTimeEquals(expected, typed) && found is null)
                {
                    found = offset;
                }
            }
        }

        return found;
    }

    private static long ToStep(DateTime utc) =>
        (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond / TotpParameters.PeriodSeconds;

    private static DateTime ToTimestamp(long step) =>
        DateTime.UnixEpoch.AddSeconds(step * TotpParameters.PeriodSeconds);
}
