using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.UnitTests.Policy;

public sealed class PasskeyAuthenticationLevelTests
{
    [Fact]
    public void APasskeyAfterThePasswordRecordsItsKindAndMfa()
    {
        Assert.Equal(["pwd", "hwk", "mfa"], AuthenticationLevel.AfterPasskeySecondFactor(hardwareBound: true));
        Assert.Equal(["pwd", "swk", "mfa"], AuthenticationLevel.AfterPasskeySecondFactor(hardwareBound: false));
    }

    [Fact]
    public void APasskeyOnItsOwnRecordsNoPassword()
    {
        Assert.Equal(["hwk", "mfa"], AuthenticationLevel.AfterPasswordlessPasskey(hardwareBound: true));
        Assert.Equal(["swk", "mfa"], AuthenticationLevel.AfterPasswordlessPasskey(hardwareBound: false));
    }

    [Theory]
    [InlineData(new[] { "pwd", "hwk", "mfa" }, Acr.PhishingResistant)]
    [InlineData(new[] { "swk", "mfa" }, Acr.PhishingResistant)]
    [InlineData(new[] { "pwd", "rem" }, Acr.Password)]
    [InlineData(new[] { "pwd", "otp", "mfa" }, Acr.MultiFactor)]
    public void APasskeyIsPhishingResistantAndARememberedComputerIsNotMfa(string[] amr, string expected)
    {
        Assert.Equal(expected, AuthenticationLevel.AcrFor(amr));
    }

    [Theory]
    [InlineData(new string[0], SessionState.None)]
    [InlineData(new[] { "pwd" }, SessionState.PasswordOnly)]
    [InlineData(new[] { "pwd", "rem" }, SessionState.RememberedComputer)]
    [InlineData(new[] { "pwd", "otp", "mfa" }, SessionState.SecondFactorPassed)]
    [InlineData(new[] { "pwd", "mfa", "rc" }, SessionState.SecondFactorPassed)]
    [InlineData(new[] { "pwd", "hwk", "mfa" }, SessionState.PhishingResistantPassed)]
    [InlineData(new[] { "swk", "mfa" }, SessionState.PhishingResistantPassed)]
    public void ASessionsMethodsTellWhatItHasProven(string[] amr, SessionState expected)
    {
        Assert.Equal(expected, AuthenticationLevel.StateFor(amr));
    }

    [Theory]
    [InlineData("phr", true, true)]
    [InlineData("urn:clinikoidp:acr:mfa phr", true, true)]
    [InlineData("mfa", true, false)]
    [InlineData("PHR", false, false)]
    [InlineData("phrh", false, false)]
    [InlineData(null, false, false)]
    public void AcrValuesCanAskForPhishingResistance(string? acrValues, bool mfa, bool phishingResistant)
    {
        Assert.Equal(mfa, Acr.AsksForMfa(acrValues));
        Assert.Equal(phishingResistant, Acr.AsksForPhishingResistance(acrValues));
    }
}
