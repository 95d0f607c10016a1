using System.Globalization;
using ClinikoIdP.TestSupport;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>
/// The user's phone: it knows only what it scanned from the QR code and computes codes with an RFC 6238
/// implementation independent of the server's. Codes are read at the server's (fake) clock, which the tests move
/// forward a time step at a time, so a code never straddles a 30-second boundary.
/// </summary>
public sealed class AuthenticatorApp(string otpAuthUri, TimeProvider clock)
{
    /// <summary>One TOTP time step (RFC 6238 §4: X = 30 s).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public string OtpAuthUri { get; } = otpAuthUri;

    public string Secret { get; } = IndependentTotp.ParseUri(otpAuthUri).Secret;

    /// <summary>The code the app shows now (or a step earlier or later).</summary>
    public string Code(int stepOffset = 0) => IndependentTotp.Code(Secret, clock.GetUtcNow(), stepOffset);

    /// <summary>A well-formed code that matches no step within five minutes either side: simply wrong.</summary>
    public string WrongCode()
    {
        var near = Enumerable.Range(-10, 21).Select(Code).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1_000_000)
            .Select(n => n.ToString("D6", CultureInfo.InvariantCulture))
            .First(candidate => !near.Contains(candidate));
    }
}
