using ClinikoIdP.Authentication.Totp;
using Microsoft.Extensions.Time.Testing;

namespace ClinikoIdP.UnitTests.Totp;

public class TotpVerifierTests
{
    private static readonly byte[] Secret = TotpSecret.FromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    // Ten seconds into a step, so the window is not at a step boundary.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 15, 10, TimeSpan.Zero);

    private static readonly long CurrentStep = ReferenceCodes.StepOf(Now);

    private readonly FakeTimeProvider clock = new(Now);

    private TotpVerifier Verifier => new(clock);

    private static string CodeAt(int offset) => ReferenceCodes.At(Secret, CurrentStep + offset);

    [Fact]
    public void FixtureCodesAreDistinctAcrossTheSearchedSteps()
    {
        // The window tests below rely on no two nearby steps sharing a code.
        var codes = Enumerable.Range(-11, 23).Select(CodeAt).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void AcceptsCodeWithinOneStepOfNow(int offset)
    {
        var check = Verifier.Verify(Secret, CodeAt(offset), lastAcceptedStep: null);

        Assert.True(check.IsAccepted);
        Assert.Equal(CurrentStep + offset, check.MatchedStep);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(-10)]
    [InlineData(10)]
    public void RejectsCodeAFewStepsAwayAsClockSkew(int offset)
    {
        var check = Verifier.Verify(Secret, CodeAt(offset), lastAcceptedStep: null);

        Assert.Equal(TotpOutcome.ClockSkewSuspected, check.Outcome);
        Assert.Equal(offset, check.SkewSteps);
        Assert.Null(check.MatchedStep);
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(11)]
    [InlineData(-1000)]
    public void RejectsCodeFarFromNowAsInvalid(int offset)
    {
        var check = Verifier.Verify(Secret, CodeAt(offset), lastAcceptedStep: null);

        Assert.Equal(TotpOutcome.Invalid, check.Outcome);
    }

    [Fact]
    public void RejectsReusedTotpCode()
    {
        var first = Verifier.Verify(Secret, CodeAt(0), lastAcceptedStep: null);
        var second = Verifier.Verify(Secret, CodeAt(0), first.MatchedStep);

        Assert.True(first.IsAccepted);
        Assert.Equal(TotpOutcome.Replayed, second.Outcome);
    }

    [Fact]
    public void RejectsCodeOlderThanLastAcceptedStep()
    {
        var check = Verifier.Verify(Secret, CodeAt(-1), lastAcceptedStep: CurrentStep);

        Assert.Equal(TotpOutcome.Replayed, check.Outcome);
    }

    [Fact]
    public void AcceptsNextStepAfterLastAcceptedStep()
    {
        var check = Verifier.Verify(Secret, CodeAt(1), lastAcceptedStep: CurrentStep);

        Assert.True(check.IsAccepted);
        Assert.Equal(CurrentStep + 1, check.MatchedStep);
    }

    [Fact]
    public void DoesNotSuspectSkewForStepAlreadyPassed()
    {
        var check = Verifier.Verify(Secret, CodeAt(-3), lastAcceptedStep: CurrentStep - 2);

        Assert.Equal(TotpOutcome.Invalid, check.Outcome);
    }

    [Fact]
    public void ReadsTheInjectedClock()
    {
        var code = CodeAt(0);
        clock.Advance(TimeSpan.FromSeconds(3 * 30));

        var check = Verifier.Verify(Secret, code, lastAcceptedStep: null);

        Assert.Equal(TotpOutcome.ClockSkewSuspected, check.Outcome);
        Assert.Equal(-3, check.SkewSteps);
    }

    [Fact]
    public void RejectsCodeForAnotherSecret()
    {
        var otherSecret = TotpSecret.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

        var check = Verifier.Verify(otherSecret, CodeAt(0), lastAcceptedStep: null);

        Assert.False(check.IsAccepted);
    }

    [Theory]
    [InlineData(" ", "", " ")]
    [InlineData("", " ", "")]
    [InlineData("", "-", "")]
    [InlineData("", " - ", "")]
    public void AcceptsCodeTypedWithSpacesOrHyphen(string before, string between, string after)
    {
        var code = CodeAt(0);
        var typed = before + code[..3] + between + code[3..] + after;

        Assert.True(Verifier.Verify(Secret, typed, lastAcceptedStep: null).IsAccepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("12345６")]
    [InlineData("123_456")]
    public void RejectsMalformedCodeAsInvalid(string? typed)
    {
        var check = Verifier.Verify(Secret, typed, lastAcceptedStep: null);

        Assert.Equal(TotpOutcome.Invalid, check.Outcome);
    }

    [Fact]
    public void RefusesEmptySecret()
    {
        Assert.Throws<ArgumentException>(() => Verifier.Verify([], "123456", lastAcceptedStep: null));
    }
}
