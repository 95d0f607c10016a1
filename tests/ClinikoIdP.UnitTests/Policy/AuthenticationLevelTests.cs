using ClinikoIdP.Authentication.Policy;

namespace ClinikoIdP.UnitTests.Policy;

public class AuthenticationLevelTests
{
    [Fact]
    public void PasswordSignInRecordsPwdOnly()
    {
        Assert.Equal(["pwd"], AuthenticationLevel.AfterPassword);
        Assert.Equal("urn:clinikoidp:acr:pwd", AuthenticationLevel.AcrFor(AuthenticationLevel.AfterPassword));
    }

    [Fact]
    public void AuthenticatorCodeRecordsPwdOtpMfa()
    {
        Assert.Equal(["pwd", "otp", "mfa"], AuthenticationLevel.AfterAuthenticatorCode);
        Assert.Equal("urn:clinikoidp:acr:mfa", AuthenticationLevel.AcrFor(AuthenticationLevel.AfterAuthenticatorCode));
    }

    [Fact]
    public void RecoveryCodeRecordsPwdMfaRc()
    {
        Assert.Equal(["pwd", "mfa", "rc"], AuthenticationLevel.AfterRecoveryCode);
        Assert.Equal("urn:clinikoidp:acr:mfa", AuthenticationLevel.AcrFor(AuthenticationLevel.AfterRecoveryCode));
    }

    [Theory]
    [InlineData(new string[0], Acr.Password)]
    [InlineData(new[] { "pwd", "otp" }, Acr.Password)]
    [InlineData(new[] { "MFA" }, Acr.Password)]
    [InlineData(new[] { "mfa" }, Acr.MultiFactor)]
    public void MapsAmrToAcr(string[] amr, string expected)
    {
        Assert.Equal(expected, AuthenticationLevel.AcrFor(amr));
    }

    [Fact]
    public void AmrListsCannotBeChangedByCallers()
    {
        var list = Assert.IsAssignableFrom<ICollection<string>>(AuthenticationLevel.AfterPassword);

        Assert.True(list.IsReadOnly);
    }

    [Theory]
    [InlineData("mfa", true)]
    [InlineData("urn:clinikoidp:acr:mfa", true)]
    [InlineData("urn:clinikoidp:acr:pwd mfa", true)]
    [InlineData("  urn:clinikoidp:acr:mfa  ", true)]
    [InlineData("urn:clinikoidp:acr:pwd", false)]
    [InlineData("MFA", false)]
    [InlineData("urn:clinikoidp:acr:mfa2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void RecognisesAcrValuesAskingForMfa(string? acrValues, bool expected)
    {
        Assert.Equal(expected, Acr.AsksForMfa(acrValues));
    }
}
