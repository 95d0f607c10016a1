using System.Text;
using ClinikoIdP.Authentication.Totp;
using OtpNet;

namespace ClinikoIdP.UnitTests.Totp;

/// <summary>Codes computed independently of the verifier, straight from Otp.NET.</summary>
internal static class ReferenceCodes
{
    /// <summary>The RFC 6238 Appendix B SHA-1 seed.</summary>
    public static readonly byte[] Rfc6238Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    public static string At(byte[] secret, long step, int digits = TotpParameters.Digits)
    {
        var totp = new OtpNet.Totp(secret, TotpParameters.PeriodSeconds, OtpHashMode.Sha1, digits);
        return totp.ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * TotpParameters.PeriodSeconds));
    }

    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / TotpParameters.PeriodSeconds;
}
