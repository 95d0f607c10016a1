using ClinikoIdP.Authentication.Totp;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace ClinikoIdP.UnitTests.Totp;

/// <summary>RFC 6238 Appendix B, SHA-1 rows.</summary>
public class Rfc6238VectorTests
{
    public static TheoryData<long, string> Sha1Vectors => new()
    {
        { 59, "94287082" },
        { 1111111109, "07081804" },
        { 1111111111, "14050471" },
        { 1234567890, "89005924" },
        { 2000000000, "69279037" },
        { 20000000000, "65353130" },
    };

    [Theory]
    [MemberData(nameof(Sha1Vectors))]
    public void OtpNetReproducesEightDigitVectors(long unixSeconds, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        var totp = new OtpNet.Totp(ReferenceCodes.Rfc6238Secret, step: 30, OtpHashMode.Sha1, totpSize: 8);

        Assert.Equal(expected, totp.ComputeTotp(clock.GetUtcNow().UtcDateTime));
    }

    [Theory]
    [MemberData(nameof(Sha1Vectors))]
    public void SixDigitCodeIsLastSixDigitsOfVector(long unixSeconds, string expected)
    {
        var step = unixSeconds / TotpParameters.PeriodSeconds;

        Assert.Equal(expected[^6..], ReferenceCodes.At(ReferenceCodes.Rfc6238Secret, step));
    }

    [Theory]
    [MemberData(nameof(Sha1Vectors))]
    public void VerifierAcceptsVectorAtItsTime(long unixSeconds, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        var verifier = new TotpVerifier(clock);

        var check = verifier.Verify(ReferenceCodes.Rfc6238Secret, expected[^6..], lastAcceptedStep: null);

        Assert.Equal(TotpOutcome.Accepted, check.Outcome);
        Assert.Equal(unixSeconds / 30, check.MatchedStep);
    }
}
