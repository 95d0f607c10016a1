using OtpNet;

namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// A user's authenticator app: the key as the enrolment page prints it, codes computed with Otp.NET (RFC 6238:
/// SHA-1, 6 digits, 30-s steps). It remembers the last step it gave a code for, because the server accepts each step
/// once per user.
/// </summary>
public sealed class AuthenticatorApp(string typedKey)
{
    private const int StepSeconds = 30;
    private readonly Totp totp = new(Base32Encoding.ToBytes(typedKey.Replace(" ", "", StringComparison.Ordinal)), StepSeconds);
    private long lastStep = -1;

    public static long CurrentStep => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// The code for the current step, or for the next one when the current step was used already: the server accepts one
    /// step of drift either way (RFC 6238 §5.2), so a user who enrolled moments ago can sign in without waiting 30 s.
    /// </summary>
    public string NextCode()
    {
        var step = Math.Max(CurrentStep, lastStep + 1);
        if (step > CurrentStep + 1)
        {
            throw new FlowFailedException("this user's code for the next step was used already; the run needs more users");
        }

        lastStep = step;
        return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
    }
}
